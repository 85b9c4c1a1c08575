import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect } from "vitest";
import {
  flagsOf,
  pipelineSelected,
  scaffoldedChoices,
  selectedCombinations,
  servicesOf,
  UPDATE_PIPELINE,
} from "./combinations.js";
import { addSteps } from "./steps/add.js";
import { apiKeySteps } from "./steps/api-keys.js";
import { billingSteps } from "./steps/billing.js";
import { emailSteps } from "./steps/email.js";
import { workflowSteps } from "./steps/workflow.js";
import { uploadSteps } from "./steps/uploads.js";
import { chatSteps } from "./steps/chat.js";
import { quotaSteps } from "./steps/quota.js";
import { chatRenderingSteps } from "./steps/chat-rendering.js";
import { corsSteps, developmentCorsSteps } from "./steps/cors.js";
import { firstRunSteps } from "./steps/first-run.js";
import { foundationSteps } from "./steps/foundation.js";
import { hardeningAuthSteps } from "./steps/hardening-auth.js";
import { hardeningChatInputSteps } from "./steps/hardening-chat-input.js";
import { hardeningHttpSteps } from "./steps/hardening-http.js";
import { rateLimitSteps } from "./steps/rate-limits.js";
import { securitySteps } from "./steps/security.js";
import { createPostgresDatabase } from "./support/database.js";
import { installedPins, pinProblems } from "./support/installed-tree.js";
import { sendsMail, startFakeEmail } from "./support/fake-email/index.js";
import { startFakePayments } from "./support/fake-payments/index.js";
import { startFakeProvider } from "./support/fake-ai.js";
import { isBucket, startFakeS3 } from "./support/fake-storage/s3.js";
import { CLI } from "./support/cli.js";
import { Browser } from "./support/http.js";
import { Pipeline } from "./support/pipeline.js";
import { startApp } from "../../scripts/lib/local-app.js";
import { runScriptCommand } from "../../src/package-manager.js";
import { hashContent } from "../../src/manifest.js";
import { missingServices } from "./support/services.js";
import { Suite } from "./support/suite.js";
import { describeUpdatedProject } from "./update-pipeline.js";

const KEEP = Boolean(process.env.CRAFTJS_E2E_KEEP);
/** The lockfile each package manager writes: the app is installed with the one it was made for. */
const LOCKFILES = { npm: "package-lock.json", pnpm: "pnpm-lock.yaml", yarn: "yarn.lock", bun: "bun.lock" } as const;
/** An app a previous run kept (CRAFTJS_E2E_KEEP=1): the suite skips scaffolding and runs the later steps on it. */
const REUSE = process.env.CRAFTJS_E2E_APP;

const proven = await Promise.all(
  selectedCombinations().map(async (combination) => ({
    combination,
    missing: await missingServices(servicesOf(combination), `the ${combination.name} end-to-end tests`),
  })),
);

// Combinations run side by side (two at a time: vitest's maxConcurrency for this project), each one's steps in order.
// They share nothing but the machine's PostgreSQL and Redis, where each has a database of its own.
describe.concurrent("generated apps", () => {
  for (const { combination, missing } of proven) {
    describe.skipIf(missing.length > 0)(`generated app: ${combination.name}`, () => {
      const suite = new Suite(combination, new Pipeline(combination.name));
      let workDir: string | undefined;
      let dropDatabase: (() => Promise<void>) | undefined;

      beforeAll(async () => {
        suite.provider = await startFakeProvider(combination.ai);
        if (combination.payments !== "none") suite.payments = await startFakePayments(combination.payments);
        if (isBucket(combination.storage)) suite.storage = await startFakeS3();
        if (sendsMail(combination.email)) suite.email = await startFakeEmail(combination.email);
        if (REUSE) {
          suite.appDir = path.resolve(REUSE);
          const env = await readFile(path.join(suite.appDir, ".env"), "utf8");
          suite.databaseUrl = /^DATABASE_URL=(postgres.*)$/m.exec(env)?.[1];
          return;
        }
        workDir = await mkdtemp(path.join(os.tmpdir(), `craftjs-e2e-${combination.name}-`));
        suite.appDir = path.join(workDir, `app-${combination.name}`);
        if (combination.db === "postgres") {
          const database = await createPostgresDatabase();
          suite.databaseUrl = database.url;
          dropDatabase = database.drop;
        }
      });

      afterAll(async () => {
        if (suite.pipeline.failed && suite.app) {
          // What the server said is often the only clue to why a step failed (a crash shows as ECONNREFUSED).
          console.log(`[e2e ${combination.name}] the app's output, last 6000 characters:\n${suite.app.output().slice(-6000)}`);
        }
        await suite.stopApps();
        await suite.provider?.close();
        await suite.payments?.close();
        await suite.storage?.close();
        await suite.email?.close();
        if (KEEP || REUSE) console.log(`[e2e ${combination.name}] kept the app (and its database) at ${suite.appDir}`);
        else {
          await dropDatabase?.();
          if (workDir) await rm(workDir, { recursive: true, force: true });
        }
        console.log(suite.pipeline.summary());
      });

      suite.pipeline.step("scaffolds, installs and migrates with no TTY", async () => {
        if (REUSE) return console.log(`[e2e ${combination.name}] reusing ${suite.appDir}`);
        const flags = [...flagsOf(combination), ...(suite.databaseUrl ? ["--database-url", suite.databaseUrl] : [])];
        const result = await execa("node", [CLI, suite.appDir, ...flags], {
          cwd: workDir,
          reject: false,
          all: true,
          stdin: "ignore",
        });
        expect(result.exitCode, result.all).toBe(0);
        const manifest = JSON.parse(await readFile(path.join(suite.appDir, "craftjs.json"), "utf8"));
        const scaffolded = scaffoldedChoices(combination);
        expect(manifest.choices).toMatchObject({
          db: scaffolded.db,
          ai: scaffolded.ai,
          ratelimit: scaffolded.ratelimit,
          apiKeys: scaffolded.apiKeys,
          payments: scaffolded.payments,
          storage: scaffolded.storage,
          email: scaffolded.email,
        });
        expect(existsSync(path.join(suite.appDir, "node_modules", "next"))).toBe(true);
        expect(existsSync(path.join(suite.appDir, LOCKFILES[combination.packageManager]))).toBe(true);
        const dev = runScriptCommand(combination.packageManager, "dev").join(" ");
        expect(result.all).toMatch(new RegExp(`Next steps:[\\s\\S]*\\n\\s+${dev}\\n`));
        expect(existsSync(path.join(suite.appDir, "drizzle", "0000_init.sql"))).toBe(true);
        const identity = await execa("git", ["config", "user.email"], { reject: false });
        if (identity.stdout.trim()) {
          const log = await execa("git", ["log", "--oneline"], { cwd: suite.appDir });
          expect(log.stdout).toContain("Initial commit from create-craftjs");
        }
      });

      if (combination.added && !REUSE) addSteps(suite, combination.added.items);

      // Installed afresh from the registry, as a user's install is (no cached lockfile): a release that would float a
      // second copy into users' apps fails here the day it is published.
      suite.pipeline.step("installs exactly one copy of each pinned package, at its pin", async () => {
        expect(pinProblems(suite.appDir)).toEqual([]);
        expect(installedPins(suite.appDir).has("next")).toBe(true);
      });

      workflowSteps(suite);

      suite.pipeline.step("starts and reports healthy", async () => {
        suite.app = await startApp(suite.appDir, { env: suite.serverEnv() });
        const reply = await new Browser(suite.app.url).get("/api/health");
        expect([reply.status, reply.json]).toEqual([200, { ok: true }]);
        // Next.js writes its rules for AI agents into AGENTS.md unless they are there already, as this version's are:
        // the project's git tree stays clean after its first build and start.
        const manifest = JSON.parse(await readFile(path.join(suite.appDir, "craftjs.json"), "utf8"));
        const agents = await readFile(path.join(suite.appDir, "AGENTS.md"), "utf8");
        expect(hashContent(agents), agents).toBe(manifest.files["AGENTS.md"].hash);
      });

      foundationSteps(suite);
      hardeningHttpSteps(suite);
      firstRunSteps(suite);
      if (combination.apiKeys) apiKeySteps(suite);
      hardeningAuthSteps(suite);
      securitySteps(suite);
      rateLimitSteps(suite);
      chatSteps(suite);
      quotaSteps(suite);
      chatRenderingSteps(suite);
      hardeningChatInputSteps(suite);
      if (combination.payments !== "none") billingSteps(suite);
      if (combination.storage !== "none") uploadSteps(suite);
      emailSteps(suite);
      corsSteps(suite);
      if (combination.defaults) developmentCorsSteps(suite);
    });
  }
  if (pipelineSelected(UPDATE_PIPELINE) && !REUSE) describeUpdatedProject();
});
