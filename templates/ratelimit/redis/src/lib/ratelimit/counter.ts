import Redis from "ioredis";
import { env } from "@/lib/env";
import { RateLimitStoreUnavailable, type RateLimitCounter } from "./store";

/**
 * One atomic step per request: count the hit, start the window's expiry on the first hit, and read what is left of
 * it. Atomic in Redis, so every app instance sharing the server shares one exact limit.
 */
const HIT_SCRIPT = `
local count = redis.call("INCR", KEYS[1])
if count == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
local ttl = redis.call("PTTL", KEYS[1])
if ttl < 0 then
  redis.call("PEXPIRE", KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

/** A window's count and what is left of it, read in one step. */
const PEEK_SCRIPT = `
return { tonumber(redis.call("GET", KEYS[1]) or "0"), redis.call("PTTL", KEYS[1]) }
`;

/** The scripts, sent once and then run by their SHA1 (EVALSHA); ioredis resends one a restarted server lost (NOSCRIPT). */
interface ScriptedRedis extends Redis {
  rateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
  rateLimitPeek(key: string): Promise<[number, number]>;
}

const redis = new Redis(env.REDIS_URL, {
  // Fail fast instead of queueing while disconnected: the failure mode decides, not a pile of waiting requests.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  connectTimeout: 1_000,
  commandTimeout: 1_000,
  lazyConnect: true,
}) as ScriptedRedis;
redis.defineCommand("rateLimitHit", { numberOfKeys: 1, lua: HIT_SCRIPT });
redis.defineCommand("rateLimitPeek", { numberOfKeys: 1, lua: PEEK_SCRIPT });
// Connection errors surface as failed commands; ioredis reconnects on its own.
redis.on("error", () => {});
/** Settles once the first connection attempt has: the first requests wait for it instead of failing. */
const firstConnection = redis.connect().catch(() => {});

const failOpen = env.RATE_LIMIT_WHEN_STORE_DOWN === "open";

export const counter: RateLimitCounter = {
  async hit(key, windowMs) {
    await firstConnection;
    try {
      const [count, ttl] = await redis.rateLimitHit(key, windowMs);
      return { count, resetAt: Date.now() + ttl };
    } catch (error) {
      throw new RateLimitStoreUnavailable(failOpen, error);
    }
  },
  async peek(key) {
    await firstConnection;
    try {
      const [count, ttl] = await redis.rateLimitPeek(key);
      return count > 0 && ttl > 0 ? { count, resetAt: Date.now() + ttl } : { count: 0, resetAt: 0 };
    } catch (error) {
      throw new RateLimitStoreUnavailable(failOpen, error);
    }
  },
};
