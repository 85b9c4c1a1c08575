// Throwaway generated apps, scaffolded by the built CLI exactly as a user would (install and migrations on).
import path from "node:path";
import { formatSeconds } from "./stats.js";
import { run } from "../lib/local-app.js";

/** Scaffolds `<workDir>/app-<ratelimit>` with the given rate-limit store; returns its folder. */
export async function scaffoldApp({ cli, workDir, ratelimit }) {
  const appDir = path.join(workDir, `app-${ratelimit}`);
  const started = performance.now();
  await run(process.execPath, [cli, appDir, "--yes", "--ratelimit", ratelimit, "--no-git"], { cwd: workDir });
  console.log(`  scaffolded ${path.basename(appDir)} (--ratelimit ${ratelimit}, install + migrations) in ${formatSeconds(performance.now() - started)}`);
  return appDir;
}

/**
 * Scaffolds one app per rate-limit store, side by side (nothing is timed meanwhile); waits for all of them even when
 * one fails, so no install is still writing when the bench cleans up. Returns store → folder.
 */
export async function scaffoldApps({ cli, workDir, stores }) {
  const outcomes = await Promise.allSettled(stores.map((ratelimit) => scaffoldApp({ cli, workDir, ratelimit })));
  const failed = outcomes.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return Object.fromEntries(stores.map((store, index) => [store, outcomes[index].value]));
}
