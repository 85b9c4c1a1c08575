import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { counter } from "./counter";

const admin = new Redis(env.REDIS_URL);
afterAll(() => admin.quit());

/** How many EVALSHA calls the server has run, from its command statistics. */
async function evalshaCalls(): Promise<number> {
  const stats = await admin.info("commandstats");
  return Number(/^cmdstat_evalsha:calls=(\d+)/m.exec(stats)?.[1] ?? 0);
}

describe("the Redis counter", () => {
  it("runs its scripts by their SHA1, and sends them again when Redis has lost them (a restart, SCRIPT FLUSH)", async () => {
    const key = `test:${randomUUID()}`;
    // The first on a connection goes as EVAL, which also caches the script; the next ones send only its SHA1.
    expect((await counter.hit(key, 60_000)).count).toBe(1);
    const before = await evalshaCalls();
    expect((await counter.hit(key, 60_000)).count).toBe(2);
    expect(await evalshaCalls()).toBeGreaterThan(before);

    await admin.script("FLUSH");
    expect((await counter.hit(key, 60_000)).count).toBe(3);
    expect((await counter.peek(key)).count).toBe(3);
    await admin.del(key);
  });
});
