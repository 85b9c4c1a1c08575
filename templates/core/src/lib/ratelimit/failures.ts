import { ApiError } from "@/lib/api/errors";
import { counter } from "./counter";
import { RateLimitStoreUnavailable } from "./store";

/** A limit on failures (wrong passwords, unknown API keys) per subject (an account, an address), in our store. */
export interface FailureLimit {
  /** What is limited, in the key and the 429's message: "sign-in", "api-key". */
  name: string;
  max: number;
  windowMs: number;
}

/** Failed sign-ins per account (email): a password guessed from many addresses is still one account's budget. */
export const SIGN_IN_FAILURES_PER_ACCOUNT: FailureLimit = { name: "sign-in", max: 10, windowMs: 15 * 60_000 };

/** Failed API-key authentications per client address. */
export const API_KEY_FAILURES_PER_ADDRESS: FailureLimit = { name: "api-key", max: 20, windowMs: 60_000 };

function keyOf(limit: FailureLimit, subject: string): string {
  return `failures:${limit.name}:${subject.toLowerCase()}`;
}

/**
 * Refuses with 429 (and Retry-After) while `subject` has used up its failures, before any work is done for it. A
 * store outage follows the store's failure mode: let through when it fails open, else 503.
 */
export async function refuseWhileBlocked(limit: FailureLimit, subject: string): Promise<void> {
  const window = await inStore(() => counter.peek(keyOf(limit, subject)));
  if (window && window.count >= limit.max) throw blocked(limit, window.resetAt);
}

/** Counts one failure for `subject`. */
export async function recordFailure(limit: FailureLimit, subject: string): Promise<void> {
  await inStore(() => counter.hit(keyOf(limit, subject), limit.windowMs));
}

function blocked(limit: FailureLimit, resetAt: number): ApiError {
  const retryAfter = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
  return new ApiError(
    "RATE_LIMITED",
    `Too many failed ${limit.name} attempts; try again in ${retryAfter} seconds.`,
    { limit: limit.max, retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

/** Runs a store operation; undefined when the store is down and fails open, a 503 when it fails closed. */
export async function inStore<Result>(operation: () => Promise<Result>): Promise<Result | undefined> {
  try {
    return await operation();
  } catch (error) {
    if (!(error instanceof RateLimitStoreUnavailable)) throw error;
    if (error.failOpen) return undefined;
    throw new ApiError(
      "SERVICE_UNAVAILABLE",
      "Rate limiting is unavailable; try again shortly.",
      {},
      {
        "Retry-After": "5",
      },
    );
  }
}
