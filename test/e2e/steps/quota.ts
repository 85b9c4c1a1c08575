import { expect } from "vitest";
import { setAiUsage } from "../support/database.js";
import { Browser, type Reply } from "../support/http.js";
import { errorShape, type Suite, type TestUser } from "../support/suite.js";

const MONTHLY_TOKENS = { free: 100_000, pro: 5_000_000, enterprise: 100_000_000 };

/**
 * The month's AI allowance over HTTP: each answer's tokens counted as the provider reports them, /api/usage agreeing,
 * a refusal once spent (for a session and an API key alike, without reaching the provider), and, with PostgreSQL and
 * Redis, two instances under 20 concurrent chats that lose no count and overspend by at most what was in flight.
 */
export function quotaSteps(suite: Suite): void {
  const { pipeline } = suite;
  const provider = () => suite.provider!;
  const usageOf = async (user: TestUser) => (await user.browser.get("/api/usage")).json;
  const ask = (user: TestUser, content: string, baseUrl?: string) =>
    user.browser.request("POST", "/api/chat", { messages: [{ role: "user", content }] }, {}, baseUrl);

  /** Polls /api/usage until the answers being stored have been counted. */
  async function usedBecomes(user: TestUser, tokens: number) {
    await expect.poll(async () => (await usageOf(user)).tokens.used, { timeout: 10_000, interval: 100 }).toBe(tokens);
  }

  pipeline.step("quota: counts each answer's tokens as the provider reports them, and /api/usage agrees", async () => {
    const quinn = await suite.newUser("quinn", "enterprise");
    const before = await usageOf(quinn);
    const now = new Date();
    expect(before).toEqual({
      plan: "enterprise",
      period: {
        start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
        end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
      },
      tokens: { used: 0, limit: MONTHLY_TOKENS.enterprise },
    });
    // Reading the allowance does not spend the rate limit.
    const [first, second] = [await quinn.browser.get("/api/usage"), await quinn.browser.get("/api/usage")];
    expect(second.headers.get("x-ratelimit-remaining")).toBe(first.headers.get("x-ratelimit-remaining"));
    provider().behaviour = { kind: "answer", text: "Counted.", chunks: 2, chunkDelayMs: 2, inputTokens: 30, outputTokens: 12 };
    for (const question of ["First?", "Second?"]) {
      const reply = await ask(quinn, question);
      expect(reply.status, reply.text).toBe(200);
    }
    await usedBecomes(quinn, 84);
  });

  pipeline.step("quota: refuses a chat once the month's tokens are spent, saying when they renew, to a key too", async () => {
    const rosa = await suite.newUser("rosa");
    const { period, tokens } = await usageOf(rosa);
    expect(tokens).toEqual({ used: 0, limit: MONTHLY_TOKENS.free });
    await setAiUsage(suite.database, rosa.id, new Date(period.start), MONTHLY_TOKENS.free);
    const asked = provider().requests.length;

    const expectRefused = async (reply: Reply) => {
      expect([reply.status, reply.json], reply.text).toEqual([
        429,
        { ...errorShape("QUOTA_EXCEEDED"), details: { limit: MONTHLY_TOKENS.free, used: MONTHLY_TOKENS.free, resetsAt: period.end } },
      ]);
      const renews = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(period.end));
      expect(reply.json.error).toContain(`renews on ${renews}.`);
      expect(Number(reply.headers.get("retry-after"))).toBeGreaterThan(0);
    };
    await expectRefused(await ask(rosa, "Anything left?"));
    if (suite.combination.apiKeys) {
      const created = await rosa.browser.post("/api/keys", { name: "quota" });
      expect(created.status, created.text).toBe(201);
      const byKey = await new Browser(suite.url).request(
        "POST",
        "/api/chat",
        { messages: [{ role: "user", content: "And by key?" }] },
        { authorization: `Bearer ${created.json.key}` },
      );
      await expectRefused(byKey);
    }
    expect(provider().requests.length, "a refused chat never reaches the provider").toBe(asked);
    expect((await usageOf(rosa)).tokens).toEqual({ used: MONTHLY_TOKENS.free, limit: MONTHLY_TOKENS.free });
  });

  if (suite.combination.db !== "postgres" || suite.combination.ratelimit !== "redis") return;

  pipeline.step("quota: two instances on PostgreSQL and Redis, 20 chats at once: no count lost, overspent by what was in flight", async () => {
    const second = await suite.startAnotherApp();
    const sam = await suite.newUser("sam", "enterprise");
    const { period } = await usageOf(sam);
    const start = MONTHLY_TOKENS.enterprise - 1;
    await setAiUsage(suite.database, sam.id, new Date(period.start), start);
    provider().behaviour = { kind: "answer", text: "In flight.", chunks: 4, chunkDelayMs: 25, inputTokens: 10, outputTokens: 5 };

    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) => ask(sam, `Question ${index}?`, index % 2 === 0 ? suite.url : second.url)),
    );
    const admitted = replies.filter((reply) => reply.status === 200).length;
    const refused = replies.filter((reply) => reply.status === 429 && reply.json?.code === "QUOTA_EXCEEDED").length;
    expect(admitted + refused).toBe(20);
    expect(admitted).toBeGreaterThanOrEqual(1);
    // Every admitted answer's 15 tokens counted, on whichever instance it ran: the overspend is what was in flight.
    await usedBecomes(sam, start + admitted * 15);
    console.log(
      `[e2e ${suite.combination.name}] 20 chats at once on two instances, 1 token left: ${admitted} admitted, ` +
        `${refused} refused, overspent by ${admitted * 15 - 1} tokens, none lost`,
    );
    expect(admitted * 15 - 1).toBeLessThanOrEqual(20 * 15);
    expect((await ask(sam, "Now?")).status).toBe(429);
  });
}
