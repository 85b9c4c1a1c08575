/** Where request counts live: one implementation per rate-limit store, in ./counter.ts. */
export interface RateLimitCounter {
  /**
   * Counts one request against `key` in its current fixed window (starting a new window of `windowMs` if none is
   * running) and says how many requests the window now holds and when it ends (epoch ms).
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  /**
   * How many requests `key`'s current window holds and when it ends, without counting one: for limits that count only
   * failures, checked before the work and hit after it fails. Zero (and resetAt 0) when no window is running.
   */
  peek(key: string): Promise<{ count: number; resetAt: number }>;
}

/** The counter could not be reached; what happens then is the store's configured failure mode. */
export class RateLimitStoreUnavailable extends Error {
  constructor(
    readonly failOpen: boolean,
    cause: unknown,
  ) {
    super("The rate-limit store is unavailable", { cause });
    this.name = "RateLimitStoreUnavailable";
  }
}
