import type { BetterAuthOptions } from "better-auth";
import { counter } from "./counter";
import { inStore } from "./failures";

type BetterAuthRateLimitStorage = NonNullable<NonNullable<BetterAuthOptions["rateLimit"]>["customStorage"]>;

/**
 * Better Auth's sign-in and sign-up throttle, counted in the app's rate-limit store (Redis when chosen, so every
 * instance shares one count) instead of its per-process memory. Its key already holds the client address and path.
 */
export const authRateLimitStorage: BetterAuthRateLimitStorage = {
  async consume(key, rule) {
    const window = await inStore(() => counter.hit(`auth:${key}`, rule.window * 1000));
    if (!window || window.count <= rule.max) return { allowed: true, retryAfter: null };
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000)) };
  },
};
