// Section 2: the round trip of the generated app's real `enforceRateLimit(userId, planId)` with its real counter.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatNumber, median, quantile, table } from "./stats.js";
import { run } from "../lib/local-app.js";

const PLAN = "enterprise";

/**
 * Dropped into the app as a vitest file, so it runs on the app's own module graph, env and test setup. It times each
 * awaited call with performance.now() and writes the raw samples (µs) as JSON to BENCH_RESULT_FILE.
 * Any call that throws (a 429, or a 503 when the store is down and fails closed) fails the run; so does a call the
 * store did not count (Redis down and failing open), so every sample is the normal, counted path.
 */
const ROUND_TRIP_TEST = `
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { it } from "vitest";
import { planById } from "@/config/plans";
import { enforceRateLimit } from "@/lib/ratelimit/limit";

const plan = ${JSON.stringify(PLAN)};
const iterations = Number(process.env.BENCH_ITERATIONS);
const warmup = Number(process.env.BENCH_WARMUP);
const calls = warmup + iterations;
const run = randomUUID().slice(0, 8);

/** Awaits enforceRateLimit for each user id in turn; returns the µs each call took, warm-up calls dropped. */
async function timeCalls(userIds: string[]): Promise<number[]> {
  const micros: number[] = [];
  for (const userId of userIds) {
    const started = performance.now();
    const headers = await enforceRateLimit(userId, plan);
    micros.push((performance.now() - started) * 1000);
    if (headers["X-RateLimit-Remaining"] === undefined) throw new Error("Request not counted: " + JSON.stringify(headers));
  }
  return micros.slice(warmup);
}

it("times enforceRateLimit", async () => {
  const limit = planById(plan).requestsPerMinute;
  // Round-robin over enough users that none gets past half its limit: after each user's first call, every call
  // counts into a window that is already running, and none is refused.
  const hitsPerUser = Math.max(1, Math.floor(limit / 2));
  const users = Math.ceil(calls / hitsPerUser);
  const existing = await timeCalls(Array.from({ length: calls }, (_, i) => \`bench-\${run}-user-\${i % users}\`));
  // A user id never seen before on every call: each call starts a new window.
  const fresh = await timeCalls(Array.from({ length: calls }, (_, i) => \`bench-\${run}-fresh-\${i}\`));
  const result = { plan, limit, users, hitsPerUser: Math.ceil(calls / users), existing, fresh };
  writeFileSync(process.env.BENCH_RESULT_FILE!, JSON.stringify(result));
}, 300_000);
`;

/** Runs the round trip in one app; returns the raw result. */
export async function measureRoundTrip(appDir, { iterations, warmup }) {
  const testFile = path.join(appDir, "src", "bench", "ratelimit-roundtrip.test.ts");
  const resultFile = path.join(appDir, "bench-ratelimit.json");
  await mkdir(path.dirname(testFile), { recursive: true });
  await writeFile(testFile, ROUND_TRIP_TEST);
  try {
    await run("node_modules/.bin/vitest", ["run", "src/bench", "--reporter=dot"], {
      cwd: appDir,
      env: { BENCH_ITERATIONS: String(iterations), BENCH_WARMUP: String(warmup), BENCH_RESULT_FILE: resultFile },
    });
    return JSON.parse(await readFile(resultFile, "utf8"));
  } finally {
    // The app is then measured as a user has it: its format check and typecheck would trip over these.
    await rm(path.dirname(testFile), { recursive: true, force: true });
    await rm(resultFile, { force: true });
  }
}

export function printRoundTripHeader({ iterations, warmup }) {
  console.log(`\n2. Rate-limit round trip: enforceRateLimit(userId, "${PLAN}"), ${formatNumber(iterations)} sequential awaited calls per row (after ${formatNumber(warmup)} warm-up), µs per call`);
}

/** One table for every store measured; `results` maps a store name to its result. */
export function printRoundTrip(results) {
  const [first] = Object.values(results);
  if (first) {
    console.log(`  existing window: plan "${first.plan}" (${formatNumber(first.limit)}/min), round-robin over ${first.users} users, ${formatNumber(first.hitsPerUser)} calls each: all counted, none refused`);
    console.log(`  new window:      a user id never seen before on every call (each call starts a window)`);
  }
  const us = (value) => `${formatNumber(value, 1)} µs`;
  const rows = [["store", "path", "median", "p99", "max"]];
  for (const [store, result] of Object.entries(results)) {
    for (const [label, samples] of [["existing window", result.existing], ["new window", result.fresh]]) {
      rows.push([store, label, us(median(samples)), us(quantile(samples, 0.99)), us(Math.max(...samples))]);
    }
  }
  if (rows.length > 1) console.log(table(rows, { left: 2 }));
}
