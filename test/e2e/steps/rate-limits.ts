import { execa, type ResultPromise } from "execa";
import { expect } from "vitest";
import { setPlan } from "../support/database.js";
import type { Reply } from "../support/http.js";
import { freePort } from "../../../scripts/lib/local-app.js";
import { errorShape, type Suite } from "../support/suite.js";

const count = (replies: Reply[], status: number) => replies.filter((reply) => reply.status === status).length;

/** Per-plan limits with their headers, exact under concurrency, shared across instances with Redis. */
export function rateLimitSteps(suite: Suite): void {
  const { pipeline } = suite;

  pipeline.step("limits a free user to 10 requests a minute, with headers, then 429", async () => {
    const erin = await suite.newUser("erin");
    const remaining: (string | null)[] = [];
    for (let request = 0; request < 10; request++) {
      const reply = await erin.browser.get("/api/chats");
      expect(reply.status).toBe(200);
      expect(reply.headers.get("x-ratelimit-limit")).toBe("10");
      remaining.push(reply.headers.get("x-ratelimit-remaining"));
    }
    expect(remaining).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);

    const limited = await erin.browser.get("/api/chats");
    expect([limited.status, limited.json]).toEqual([429, errorShape("RATE_LIMITED")]);
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThan(Date.now());
    expect(reset).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(limited.json.details).toEqual({ limit: 10, remaining: 0, reset });
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    // Errors of a counted route count and carry the headers too.
    expect((await erin.browser.get("/api/chats/nope")).status).toBe(429);

    await setPlan(suite.database, erin.id, "pro");
    const upgraded = await erin.browser.get("/api/chats");
    expect(upgraded.status).toBe(200);
    expect(upgraded.headers.get("x-ratelimit-limit")).toBe("100");
  });

  pipeline.step("lets exactly the limit through out of 200 concurrent requests", async () => {
    const frank = await suite.newUser("frank", "pro");
    const replies = await Promise.all(Array.from({ length: 200 }, () => frank.browser.get("/api/chats")));
    expect([count(replies, 200), count(replies, 429)]).toEqual([100, 100]);
    const remainders = replies.map((reply) => Number(reply.headers.get("x-ratelimit-remaining")));
    expect(Math.min(...remainders)).toBe(0);
  });

  if (suite.combination.ratelimit !== "redis") return;

  pipeline.step("shares one limit between two app instances through Redis", async () => {
    const second = await suite.startAnotherApp();
    const grace = await suite.newUser("grace", "pro");
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        grace.browser.request("GET", "/api/chats", undefined, {}, index % 2 === 0 ? suite.url : second.url),
      ),
    );
    expect([count(replies, 200), count(replies, 429)]).toEqual([100, 100]);
  });

  pipeline.step("fails open with a warning header when Redis stops, or closed with 503 when configured so", async () => {
    const port = await freePort();
    const redis: ResultPromise = execa("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], {
      reject: false,
    });
    try {
      await waitForRedis(port);
      const redisUrl = `redis://127.0.0.1:${port}`;
      const open = await suite.startAnotherApp({ REDIS_URL: redisUrl });
      const closed = await suite.startAnotherApp({ REDIS_URL: redisUrl, RATE_LIMIT_WHEN_STORE_DOWN: "closed" });
      const heidi = await suite.newUser("heidi");
      const on = (app: { url: string }) => heidi.browser.request("GET", "/api/chats", undefined, {}, app.url);

      const counted = await on(open);
      expect([counted.status, counted.headers.get("x-ratelimit-remaining")]).toEqual([200, "9"]);

      redis.kill("SIGKILL");
      await redis;
      const uncounted = await on(open);
      expect(uncounted.status).toBe(200);
      expect(uncounted.headers.get("x-ratelimit-warning")).toContain("store unavailable");
      expect(uncounted.headers.get("x-ratelimit-remaining")).toBeNull();
      const refused = await on(closed);
      expect([refused.status, refused.json]).toEqual([503, errorShape("SERVICE_UNAVAILABLE")]);
    } finally {
      redis.kill("SIGKILL");
    }
  });
}

async function waitForRedis(port: number): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const ping = await execa("redis-cli", ["-p", String(port), "ping"], { reject: false });
    if (ping.stdout.trim() === "PONG") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server on port ${port} did not start`);
}
