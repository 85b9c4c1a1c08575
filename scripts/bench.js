// `npm run bench`: prints numbers, asserts nothing about them. Four sections:
//   1. CPU time of `create-craftjs --help` and of a render (no install) against create-t3-app's (installed at a pinned
//      version into the bench's folder), interleaved, BENCH_RUNS runs each (10): min/median/max and the ratio;
//   2. the generated app's rate-limit round trip, memory and Redis stores, µs per enforceRateLimit call;
//   3. the generated app's lint, format check, typecheck and tests on a fresh app, wall time, BENCH_TOOLING_RUNS runs (3);
//   4. the API kernel's cost: requests/s of GET /api/chats against a bare route on the same started app under load
//      (autocannon, 50 connections, BENCH_DURATION seconds each: 10), then the server's CPU per request of Next alone,
//      a bare route through the API's front door and the kernel's route, 7 interleaved rounds, with the goals.
// Sections 2 and 3 scaffold throwaway apps in the OS temp folder (install and migrations on: ~25 s, side by side), and
// build one; everything is removed at the end, however the run ends. Redis is expected at 127.0.0.1:6379; without it the
// Redis row says so loudly and the rest runs.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scaffoldApps } from "./bench/apps.js";
import { benchCli } from "./bench/cli-timing.js";
import { benchKernel, prepareKernelApp } from "./bench/kernel.js";
import { benchTooling } from "./bench/tooling.js";
import { Cleanup } from "./bench/cleanup.js";
import { reachable } from "./lib/local-app.js";
import { measureRoundTrip, printRoundTrip, printRoundTripHeader } from "./bench/ratelimit.js";

const cli = fileURLToPath(new URL("../bin/create-craftjs.js", import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const roundTrip = { iterations: 10_000, warmup: 1_000 };
const connections = 50;
const REDIS = { host: "127.0.0.1", port: 6379 };
if (!(runs >= 1 && duration >= 1)) throw new Error("BENCH_RUNS and BENCH_DURATION must be numbers >= 1");

const cleanup = new Cleanup();
const workDir = mkdtempSync(path.join(os.tmpdir(), "craftjs-bench-"));
cleanup.add(() => rmSync(workDir, { recursive: true, force: true }));

try {
  console.log(`create-craftjs bench: node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()} ${os.arch()}`);
  benchCli({ cli, runs, workDir });

  console.log(`\nScaffolding throwaway apps in ${workDir}`);
  const redisUp = await reachable(REDIS);
  const apps = await scaffoldApps({ cli, workDir, stores: redisUp ? ["memory", "redis"] : ["memory"] });

  printRoundTripHeader(roundTrip);
  const results = {};
  for (const [store, appDir] of Object.entries(apps)) results[store] = await measureRoundTrip(appDir, roundTrip);
  printRoundTrip(results);
  if (!redisUp) console.log(`\n  *** redis: skipped: Redis not reachable at ${REDIS.host}:${REDIS.port}. Start it to measure the Redis store. ***`);

  console.log(`\n3. The app's own tooling on a fresh app (SQLite, memory store, npm)`);
  await benchTooling(apps.memory, { runs: Number(process.env.BENCH_TOOLING_RUNS ?? 3) });

  console.log(`\n4. Kernel overhead: GET /api/chats against a bare route returning the same JSON, on one built and started app (memory store, SQLite)`);
  await prepareKernelApp(apps.memory);
  await benchKernel(apps.memory, { duration, connections, cleanup });
} finally {
  await cleanup.run();
}
