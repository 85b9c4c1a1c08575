import { planById, RATE_LIMIT_WINDOW_MS } from "@/config/plans";
import { ApiError } from "@/lib/api/errors";
import { counter } from "./counter";
import { RateLimitStoreUnavailable } from "./store";

interface RateLimitState {
  limit: number;
  remaining: number;
  /** When the window frees up, epoch ms. */
  reset: number;
}

/**
 * Counts a request for a user against their plan's per-minute limit. Returns the headers every counted response
 * carries; over the limit it throws a 429 that carries them too, plus Retry-After.
 */
export async function enforceRateLimit(userId: string, planId: string): Promise<Record<string, string>> {
  const limit = planById(planId).requestsPerMinute;
  let window: { count: number; resetAt: number };
  try {
    window = await counter.hit(windowKey(userId), RATE_LIMIT_WINDOW_MS);
  } catch (error) {
    if (!(error instanceof RateLimitStoreUnavailable)) throw error;
    warnStoreUnavailable(error);
    if (!error.failOpen) throw new ApiError("SERVICE_UNAVAILABLE", "Rate limiting is unavailable; try again shortly.");
    return { "X-RateLimit-Limit": String(limit), "X-RateLimit-Warning": "store unavailable; request not counted" };
  }
  const state: RateLimitState = { limit, remaining: Math.max(0, limit - window.count), reset: window.resetAt };
  const headers = rateLimitHeaders(state);
  if (window.count > limit) {
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000));
    throw new ApiError(
      "RATE_LIMITED",
      `You have used the ${limit} requests a minute your plan allows; try again in ${retryAfter} ${retryAfter === 1 ? "second" : "seconds"}.`,
      { ...state },
      {
        ...headers,
        "Retry-After": String(retryAfter),
      },
    );
  }
  return headers;
}

/**
 * The headers of the user's current window without counting a request in it, for a request that only ends what a
 * counted one started: it is never refused, and with the store unreachable it goes without the headers.
 */
export async function rateLimitStatus(userId: string, planId: string): Promise<Record<string, string>> {
  const limit = planById(planId).requestsPerMinute;
  try {
    const window = await counter.peek(windowKey(userId));
    // No window running: the whole limit is free now.
    return rateLimitHeaders({
      limit,
      remaining: Math.max(0, limit - window.count),
      reset: window.resetAt || Date.now(),
    });
  } catch (error) {
    if (!(error instanceof RateLimitStoreUnavailable)) throw error;
    return {};
  }
}

function windowKey(userId: string): string {
  return `ratelimit:${userId}`;
}

function rateLimitHeaders({ limit, remaining, reset }: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": String(remaining),
    "X-RateLimit-Reset": String(reset),
  };
}

let lastWarning = 0;

/** Logs the store outage at most every ten seconds, so a down store does not flood the log. */
function warnStoreUnavailable(error: RateLimitStoreUnavailable): void {
  if (Date.now() - lastWarning < 10_000) return;
  lastWarning = Date.now();
  const mode = error.failOpen ? "letting requests through uncounted" : "refusing requests with 503";
  console.warn(`Rate-limit store unavailable, ${mode}:`, (error.cause as Error)?.message ?? error.cause);
}
