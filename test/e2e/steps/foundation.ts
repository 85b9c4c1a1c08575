import { expect } from "vitest";
import { insertChat, setPlan } from "../support/database.js";
import { Browser } from "../support/http.js";
import { errorShape, type Suite, type TestUser } from "../support/suite.js";
import { startApp } from "../../../scripts/lib/local-app.js";

/** Auth, the chats routes, the kernel's error mapping, health: what every app does whatever its providers. */
export function foundationSteps(suite: Suite): void {
  const { pipeline } = suite;
  let alice: TestUser;
  let bob: TestUser;
  let chatId = "";

  pipeline.step("signs up, signs out, signs in and reads the session", async () => {
    alice = { email: `alice-${Date.now()}@example.com`, browser: new Browser(suite.url), id: "" };
    const signedUp = await suite.signUp(alice.browser, alice.email);
    expect(signedUp.json.user.plan).toBe("free");
    alice.id = signedUp.json.user.id;
    bob = await suite.newUser("bob");
    // Enough requests a minute for the steps below; the rate-limit steps use users of their own.
    for (const user of [alice, bob]) await setPlan(suite.database, user.id, "enterprise");

    const staleCookie = alice.browser.cookieHeader;
    expect((await alice.browser.post("/api/auth/sign-out", {})).status).toBe(200);
    expect((await alice.browser.get("/api/auth/get-session")).json).toBeNull();
    const withStaleCookie = await new Browser(suite.url).request("GET", "/api/chats", undefined, { cookie: staleCookie });
    expect(withStaleCookie.status).toBe(401);

    const signedIn = await alice.browser.signIn(alice.email);
    expect(signedIn.status, signedIn.text).toBe(200);
    const session = await alice.browser.get("/api/auth/get-session");
    expect(session.json.user).toMatchObject({ id: alice.id, email: alice.email, plan: "enterprise" });
    expect((await alice.browser.signIn(alice.email, "the wrong password")).status).toBe(401);
  });

  pipeline.step("answers 401 in the error shape on every protected route without credentials", async () => {
    const anonymous = new Browser(suite.url);
    const id = "00000000-0000-4000-8000-000000000000";
    const attempts = [
      anonymous.get("/api/chats"),
      anonymous.get(`/api/chats/${id}`),
      anonymous.patch(`/api/chats/${id}`, { title: "x" }),
      anonymous.delete(`/api/chats/${id}`),
      anonymous.get(`/api/chats/${id}/messages`),
      anonymous.post(`/api/chats/${id}/stop`, { shown: 0 }),
      anonymous.post("/api/chat", { messages: [{ role: "user", content: "hi" }] }),
    ];
    for (const reply of await Promise.all(attempts)) {
      expect(reply.status).toBe(401);
      expect(reply.headers.get("content-type")).toContain("application/json");
      expect(reply.json).toEqual(errorShape("UNAUTHORIZED"));
    }
  });

  pipeline.step("serves the caller's chats, and only the caller's", async () => {
    expect((await alice.browser.get("/api/chats")).json).toEqual([]);
    chatId = await insertChat(suite.database, alice.id, "Trip planning", ["Where to?", "Lisbon."]);

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
    expect((await alice.browser.get(`/api/chats/${chatId}/messages`)).json).toHaveLength(2);

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
      suite.combination.db === "postgres" ? "postgres://postgres@127.0.0.1:1/unreachable" : "file:/nonexistent/craftjs/app.db";
    const broken = await startApp(suite.appDir, { env: suite.serverEnv({ DATABASE_URL: unreachable }) });
    try {
      const reply = await new Browser(broken.url).get("/api/health");
      expect([reply.status, reply.json]).toEqual([503, errorShape("SERVICE_UNAVAILABLE")]);
    } finally {
      await broken.stop();
    }
  });
}
