import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { selectedCombinations } from "./combinations.js";
import { createPostgresDatabase, insertChat } from "./support/database.js";
import { Browser } from "./support/http.js";
import { Pipeline } from "./support/pipeline.js";
import { run, type RunningApp, startApp } from "./support/processes.js";
import { missingServices } from "./support/services.js";

const CLI = fileURLToPath(new URL("../../bin/create-craftjs.js", import.meta.url));
const KEEP = Boolean(process.env.CRAFTJS_E2E_KEEP);
/** An app a previous run kept (CRAFTJS_E2E_KEEP=1): the suite skips scaffolding and runs the later steps on it. */
const REUSE = process.env.CRAFTJS_E2E_APP;

const errorShape = (code: string) => ({ error: expect.any(String), code, details: expect.any(Object) });

for (const combination of selectedCombinations()) {
  const missing = await missingServices(combination.services, `the ${combination.name} end-to-end tests`);

  describe.skipIf(missing.length > 0).sequential(`generated app: ${combination.name}`, () => {
    const pipeline = new Pipeline(combination.name);
    let workDir: string;
    let appDir: string;
    let databaseUrl: string | undefined;
    let dropDatabase: (() => Promise<void>) | undefined;
    let app: RunningApp | undefined;
    const npm = (...args: string[]) => run("npm", args, appDir);

    beforeAll(async () => {
      if (REUSE) {
        appDir = path.resolve(REUSE);
        databaseUrl = /^DATABASE_URL=(postgres.*)$/m.exec(await readFile(path.join(appDir, ".env"), "utf8"))?.[1];
        return;
      }
      workDir = await mkdtemp(path.join(os.tmpdir(), `craftjs-e2e-${combination.name}-`));
      appDir = path.join(workDir, `app-${combination.name}`);
      if (combination.database === "postgres") {
        const database = await createPostgresDatabase();
        databaseUrl = database.url;
        dropDatabase = database.drop;
      }
    });

    afterAll(async () => {
      await app?.stop();
      if (KEEP || REUSE) console.log(`[e2e ${combination.name}] kept the app (and its database) at ${appDir}`);
      else {
        await dropDatabase?.();
        if (workDir) await rm(workDir, { recursive: true, force: true });
      }
      console.log(pipeline.summary());
    });

    pipeline.step("scaffolds, installs and migrates with no TTY", async () => {
      if (REUSE) return console.log(`[e2e ${combination.name}] reusing ${appDir}`);
      const flags = [...combination.flags, ...(databaseUrl ? ["--database-url", databaseUrl] : [])];
      const result = await execa("node", [CLI, appDir, ...flags], {
        cwd: workDir,
        reject: false,
        all: true,
        stdin: "ignore",
      });
      expect(result.exitCode, result.all).toBe(0);
      const manifest = JSON.parse(await readFile(path.join(appDir, "craftjs.json"), "utf8"));
      expect(manifest.choices.db).toBe(combination.database);
      expect(existsSync(path.join(appDir, "node_modules", "next"))).toBe(true);
      expect(existsSync(path.join(appDir, "drizzle", "0000_init.sql"))).toBe(true);
      const identity = await execa("git", ["config", "user.email"], { reject: false });
      if (identity.stdout.trim()) {
        const log = await execa("git", ["log", "--oneline"], { cwd: appDir });
        expect(log.stdout).toContain("Initial commit from create-craftjs");
      }
    });

    pipeline.step("typechecks", async () => {
      await npm("run", "typecheck");
    });

    pipeline.step("passes its own test suite", async () => {
      const output = await npm("test");
      expect(output).toMatch(/Tests\s+\d+ passed/);
    });

    pipeline.step("builds", async () => {
      await npm("run", "build");
    });

    pipeline.step("starts and reports healthy", async () => {
      app = await startApp(appDir);
      const reply = await new Browser(app.url).get("/api/health");
      expect([reply.status, reply.json]).toEqual([200, { ok: true }]);
    });

    const alice = { email: `alice-${Date.now()}@example.com`, browser: undefined as unknown as Browser, id: "" };
    const bob = { email: `bob-${Date.now()}@example.com`, browser: undefined as unknown as Browser, id: "" };
    let chatId = "";

    pipeline.step("signs up, signs out, signs in and reads the session", async () => {
      alice.browser = new Browser(app!.url);
      bob.browser = new Browser(app!.url);
      const signedUp = await alice.browser.signUp(alice.email);
      expect(signedUp.status, signedUp.text).toBe(200);
      alice.id = signedUp.json.user.id;
      expect(signedUp.json.user.plan).toBe("free");
      const bobSignedUp = await bob.browser.signUp(bob.email);
      expect(bobSignedUp.status, bobSignedUp.text).toBe(200);
      bob.id = bobSignedUp.json.user.id;

      const staleCookie = alice.browser.cookieHeader;
      expect((await alice.browser.post("/api/auth/sign-out", {})).status).toBe(200);
      expect((await alice.browser.get("/api/auth/get-session")).json).toBeNull();
      const withStaleCookie = await new Browser(app!.url).request("GET", "/api/chats", undefined, { cookie: staleCookie });
      expect(withStaleCookie.status).toBe(401);

      const signedIn = await alice.browser.signIn(alice.email);
      expect(signedIn.status, signedIn.text).toBe(200);
      const session = await alice.browser.get("/api/auth/get-session");
      expect(session.json.user).toMatchObject({ id: alice.id, email: alice.email, plan: "free" });
      expect((await alice.browser.signIn(alice.email, "the wrong password")).status).toBe(401);
    });

    pipeline.step("answers 401 in the error shape on every protected route without credentials", async () => {
      const anonymous = new Browser(app!.url);
      const id = "00000000-0000-4000-8000-000000000000";
      const attempts = [
        anonymous.get("/api/chats"),
        anonymous.get(`/api/chats/${id}`),
        anonymous.patch(`/api/chats/${id}`, { title: "x" }),
        anonymous.delete(`/api/chats/${id}`),
        anonymous.get(`/api/chats/${id}/messages`),
      ];
      for (const reply of await Promise.all(attempts)) {
        expect(reply.status).toBe(401);
        expect(reply.headers.get("content-type")).toContain("application/json");
        expect(reply.json).toEqual(errorShape("UNAUTHORIZED"));
      }
    });

    pipeline.step("serves the caller's chats, and only the caller's", async () => {
      expect((await alice.browser.get("/api/chats")).json).toEqual([]);
      const database = databaseUrl ? { kind: "postgres" as const, url: databaseUrl } : { kind: "sqlite" as const, appDir };
      chatId = await insertChat(database, alice.id, "Trip planning", ["Where to?", "Lisbon."]);

      const list = await alice.browser.get("/api/chats");
      expect(list.status).toBe(200);
      expect(list.json).toEqual([
        { id: chatId, title: "Trip planning", model: "seeded-model", createdAt: expect.any(String), updatedAt: expect.any(String) },
      ]);
      const chat = await alice.browser.get(`/api/chats/${chatId}`);
      expect(chat.status).toBe(200);
      expect(chat.json.messages.map((message: { role: string; content: string }) => [message.role, message.content])).toEqual([
        ["user", "Where to?"],
        ["assistant", "Lisbon."],
      ]);
      const messages = await alice.browser.get(`/api/chats/${chatId}/messages`);
      expect(messages.json).toHaveLength(2);

      expect((await bob.browser.get("/api/chats")).json).toEqual([]);
      for (const reply of [
        await bob.browser.get(`/api/chats/${chatId}`),
        await bob.browser.get(`/api/chats/${chatId}/messages`),
        await bob.browser.patch(`/api/chats/${chatId}`, { title: "Mine now" }),
        await bob.browser.delete(`/api/chats/${chatId}`),
      ]) {
        expect(reply.status).toBe(404);
        expect(reply.json).toEqual(errorShape("NOT_FOUND"));
      }
      expect((await alice.browser.get(`/api/chats/${chatId}`)).json.title).toBe("Trip planning");
    });

    pipeline.step("maps bad JSON, invalid fields, oversized bodies and wrong methods to the error shape", async () => {
      const badJson = await alice.browser.patch(`/api/chats/${chatId}`, "{not json");
      expect([badJson.status, badJson.json]).toEqual([400, errorShape("INVALID_REQUEST")]);

      const invalid = await alice.browser.patch(`/api/chats/${chatId}`, { title: "" });
      expect(invalid.status).toBe(400);
      expect(invalid.json.details.fields).toHaveProperty("title");

      const oversized = await alice.browser.patch(`/api/chats/${chatId}`, { title: "x".repeat(2 * 1024 * 1024) });
      expect([oversized.status, oversized.json]).toEqual([413, errorShape("PAYLOAD_TOO_LARGE")]);

      const wrongMethod = await alice.browser.request("PUT", "/api/chats");
      expect([wrongMethod.status, wrongMethod.json]).toEqual([405, errorShape("METHOD_NOT_ALLOWED")]);
      expect(wrongMethod.headers.get("allow")).toBe("GET, OPTIONS");
      const healthPost = await alice.browser.post("/api/health");
      expect([healthPost.status, healthPost.headers.get("allow")]).toEqual([405, "GET, OPTIONS"]);
    });

    pipeline.step("renames and deletes a chat with its messages", async () => {
      const renamed = await alice.browser.patch(`/api/chats/${chatId}`, { title: "Lisbon in May" });
      expect([renamed.status, renamed.json.title]).toEqual([200, "Lisbon in May"]);
      const deleted = await alice.browser.delete(`/api/chats/${chatId}`);
      expect([deleted.status, deleted.json]).toEqual([200, { success: true }]);
      expect((await alice.browser.get(`/api/chats/${chatId}`)).status).toBe(404);
      expect((await alice.browser.get(`/api/chats/${chatId}/messages`)).status).toBe(404);
      expect((await alice.browser.get("/api/chats")).json).toEqual([]);
    });

    pipeline.step("answers 503 from /api/health when its database is unreachable", async () => {
      const unreachable =
        combination.database === "postgres" ? "postgres://postgres@127.0.0.1:1/unreachable" : "file:/nonexistent/craftjs/app.db";
      const broken = await startApp(appDir, { DATABASE_URL: unreachable });
      try {
        const reply = await new Browser(broken.url).get("/api/health");
        expect([reply.status, reply.json]).toEqual([503, errorShape("SERVICE_UNAVAILABLE")]);
      } finally {
        await broken.stop();
      }
    });
  });
}
