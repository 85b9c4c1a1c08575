import type { RateLimitCounter } from "./store";

interface Window {
  count: number;
  resetAt: number;
}

const windows = new Map<string, Window>();
let nextSweep = 0;

/**
 * Counts in this process's memory: exact for one process (a hit is synchronous), shared by nothing else.
 * Windows that ended are swept out at most once a window, so idle users cost nothing.
 */
export const counter: RateLimitCounter = {
  async hit(key, windowMs) {
    const now = Date.now();
    if (now >= nextSweep) {
      for (const [candidate, window] of windows) if (window.resetAt <= now) windows.delete(candidate);
      nextSweep = now + windowMs;
    }
    let window = windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetAt: window.resetAt };
  },
  async peek(key) {
    const window = windows.get(key);
    return window && window.resetAt > Date.now() ? { ...window } : { count: 0, resetAt: 0 };
  },
};
