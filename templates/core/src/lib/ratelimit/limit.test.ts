import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { plans } from "@/config/plans";
import { apiErrorFrom } from "@/test/errors";
import { enforceRateLimit } from "./limit";

describe("enforceRateLimit", () => {
  it("lets a free user make 10 requests a minute, counting down, then answers 429", async () => {
    const userId = randomUUID();
    const remaining: string[] = [];
    for (let request = 0; request < plans.free.requestsPerMinute; request++) {
      const headers = await enforceRateLimit(userId, "free");
      expect(headers["X-RateLimit-Limit"]).toBe("10");
      remaining.push(headers["X-RateLimit-Remaining"]!);
    }
    expect(remaining).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);

    const error = await apiErrorFrom(enforceRateLimit(userId, "free"));
    expect([error.status, error.code]).toEqual([429, "RATE_LIMITED"]);
    expect(error.details).toMatchObject({ limit: 10, remaining: 0 });
    const reset = Number(error.headers["X-RateLimit-Reset"]);
    expect(reset).toBeGreaterThan(Date.now());
    expect(reset).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(Number(error.headers["Retry-After"])).toBeGreaterThanOrEqual(1);
  });

  it("gives each plan its own limit, and each user their own count", async () => {
    const pro = await enforceRateLimit(randomUUID(), "pro");
    expect(pro["X-RateLimit-Remaining"]).toBe(String(plans.pro.requestsPerMinute - 1));
    const enterprise = await enforceRateLimit(randomUUID(), "enterprise");
    expect(enterprise["X-RateLimit-Limit"]).toBe(String(plans.enterprise.requestsPerMinute));
  });

  it("lets exactly the limit through when requests arrive all at once", async () => {
    const userId = randomUUID();
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => enforceRateLimit(userId, "free")));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(10);
  });
});
