import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { findProvider } from "../../../src/providers/index.js";
import { type Combination, combinations } from "../combinations.js";
import { type AppDatabase, setPlan } from "./database.js";
import { sendsMail } from "./fake-email/index.js";
import type { FakeEmail } from "./fake-email/types.js";
import type { FakePaymentProvider } from "./fake-payments/types.js";
import { type FakeS3, isBucket } from "./fake-storage/s3.js";
import type { FakeProvider } from "./fake-ai.js";
import { Browser, type Reply } from "./http.js";
import { newestMail } from "./mail.js";
import type { Pipeline } from "./pipeline.js";
import { SERVICES } from "./services.js";
import { run, type RunningApp, startApp } from "../../../scripts/lib/local-app.js";
import { runScriptCommand } from "../../../src/package-manager.js";

/** The error body every API error has. */
export const errorShape = (code: string) => ({ error: expect.any(String), code, details: expect.any(Object) });

export interface TestUser {
  id: string;
  email: string;
  browser: Browser;
}

/** What every group of steps shares: the combination, its generated app, its database and its fake AI provider. */
export class Suite {
  appDir = "";
  databaseUrl: string | undefined;
  app: RunningApp | undefined;
  provider: FakeProvider | undefined;
  payments: FakePaymentProvider | undefined;
  storage: FakeS3 | undefined;
  email: FakeEmail | undefined;
  private readonly extraApps: RunningApp[] = [];

  constructor(
    readonly combination: Combination,
    readonly pipeline: Pipeline,
  ) {}

  get database(): AppDatabase {
    return this.databaseUrl ? { kind: "postgres", url: this.databaseUrl } : { kind: "sqlite", appDir: this.appDir };
  }

  /** Whether the app makes accounts verify their address before signing in: the default once it sends real mail. */
  get verifiesEmail(): boolean {
    return sendsMail(this.combination.email);
  }

  get url(): string {
    if (!this.app) throw new Error("The app is not running");
    return this.app.url;
  }

  /**
   * The Redis database of this combination's apps (redis-rate-limited ones): one of its own, so combinations that run
   * at the same time never count in each other's keys (the same client addresses, say).
   */
  get redisUrl(): string | undefined {
    if (this.combination.ratelimit !== "redis") return undefined;
    const { host, port } = SERVICES.redis;
    return `redis://${host}:${port}/${combinations.indexOf(this.combination) + 1}`;
  }

  /** The env the app runs with in the suite: its AI, payment, storage and email providers pointed at their fakes. */
  serverEnv(extra: Record<string, string> = {}): Record<string, string> {
    const provider = this.provider!;
    const { baseUrlEnv, apiKeyEnv } = findProvider("ai", provider.kind).templateData!.ai!;
    return {
      [baseUrlEnv]: provider.baseUrl,
      [apiKeyEnv]: "test-key",
      AI_TIMEOUT_MS: "3000",
      AI_IDLE_TIMEOUT_MS: "1500",
      // The suite is the proxy in front of the app: each simulated client says its address in X-Forwarded-For.
      TRUSTED_PROXY_HOPS: "1",
      ...(this.redisUrl && { REDIS_URL: this.redisUrl }),
      ...this.providerSecrets(),
      ...this.email?.appEnv,
      ...extra,
    };
  }

  /** What a repository's secrets would hold for the app: the payment and storage providers' keys (here, the fakes'). */
  providerSecrets(): Record<string, string> {
    return {
      ...this.payments?.appEnv,
      ...(this.storage && isBucket(this.combination.storage) ? this.storage.appEnv(this.combination.storage) : {}),
    };
  }

  /** Runs one of the app's package.json scripts with the combination's package manager; returns its output. */
  runScript(script: string, env: Record<string, string> = {}): Promise<string> {
    const [command, ...args] = runScriptCommand(this.combination.packageManager, script);
    return run(command!, args, { cwd: this.appDir, env });
  }

  /** Another instance of the same built app (same database, same rate-limit store), stopped with the suite. */
  async startAnotherApp(extra: Record<string, string> = {}): Promise<RunningApp> {
    const app = await startApp(this.appDir, { env: this.serverEnv(extra) });
    this.extraApps.push(app);
    return app;
  }

  async stopApps(): Promise<void> {
    await Promise.all([this.app, ...this.extraApps].map((app) => app?.stop()));
  }

  /**
   * Signs `email` up in `browser` and leaves it signed in: where the app makes accounts verify their address, by opening
   * the mailed link, as the person would.
   */
  async signUp(browser: Browser, email: string): Promise<Reply> {
    const reply = await browser.signUp(email);
    expect(reply.status, reply.text).toBe(200);
    expect(Boolean(reply.json.token), "sign-up signs in exactly when no verification is required").toBe(!this.verifiesEmail);
    if (this.verifiesEmail) {
      const link = new URL((await newestMail(this, email, "/api/auth/verify-email")).link);
      const verified = await browser.get(`${link.pathname}${link.search}`);
      expect(verified.status, verified.text).toBe(302);
    }
    return reply;
  }

  /** A new signed-up user with their own browser; `plan` moves them to another plan straight away. */
  async newUser(name: string, plan?: string): Promise<TestUser> {
    const email = `${name}-${randomUUID().slice(0, 8)}@example.com`;
    const browser = new Browser(this.url);
    const reply = await this.signUp(browser, email);
    const user = { id: reply.json.user.id as string, email, browser };
    if (plan) await setPlan(this.database, user.id, plan);
    return user;
  }
}
