import { existsSync } from "node:fs";
import { readdir, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { freePortPair, run } from "../../../scripts/lib/local-app.js";
import { servicesOf } from "../combinations.js";
import type { Suite } from "../support/suite.js";
import { readWorkflowJob, stepRuns } from "../support/workflow.js";

/** Where the machine's Chromium is: CHROMIUM_PATH (set by .ci/run), else Debian's package. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether the browser tests can run here: in CI a missing Chromium is an error; elsewhere they are skipped, loudly. */
function chromiumHere(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM} for the browser tests (apt-get install chromium).`);
  console.warn(`\n*** SKIPPED the generated app's browser tests: no Chromium at ${CHROMIUM}. ***\n`);
  return false;
}

/**
 * The app's own CI workflow (.github/workflows/ci.yml), proven without GitHub: every `run:` step in order, in the
 * app's folder, with the job's env and nothing else of the app's (.env is moved aside, as a fresh checkout has none).
 * The services the job declares run here already: their addresses are replaced by this machine's. On top, what a
 * repository's secrets would hold: the keys of the suite's fake payment and storage providers. The browser tests
 * (Playwright starting the built app with its own fake model) run with Debian's Chromium instead of installing
 * Playwright's.
 */
export function workflowSteps(suite: Suite): void {
  suite.pipeline.step(
    "runs its CI workflow: install from the lockfile, typecheck, lint, format, migrate, test, build, browser tests",
    async () => {
      const job = await readWorkflowJob(suite.appDir);
      const declared = Object.keys(job.services ?? {});
      expect(declared.sort()).toEqual([...servicesOf(suite.combination)].sort());
      const browser = chromiumHere();
      const env: Record<string, string> = {
        ...job.env,
        ...(suite.databaseUrl && { DATABASE_URL: suite.databaseUrl }),
        ...(suite.redisUrl && { REDIS_URL: suite.redisUrl }),
        ...suite.providerSecrets(),
        ...(existsSync(CHROMIUM) && { CHROMIUM_PATH: CHROMIUM }),
        // The app's browser tests serve their fake model on E2E_PORT + 1: both must be free.
        ...(browser && { E2E_PORT: String(await freePortPair()) }),
        ...(suite.combination.payments !== "none" && { E2E_FAKE_CHECKOUT: "1" }),
      };
      const dotenv = path.join(suite.appDir, ".env");
      await rename(dotenv, `${dotenv}.aside`);
      try {
        for (const step of job.steps) {
          if (!step.run) continue;
          if (!stepRuns(step, env)) {
            console.log(`[e2e ${suite.combination.name}] workflow: "${step.name}" does not run here (${step.if})`);
            continue;
          }
          if (/chromium|browser/i.test(step.name) && !browser) continue;
          const started = performance.now();
          const [command, ...args] = step.run.split(" ");
          if (step.name === "Browser tests") args.push(...browserSpecArgs(suite));
          if (step.run === "npm ci") args.push(NPM_CI_LOCKFILE_CHECK);
          const output = await run(command!, args, { cwd: suite.appDir, env: { ...env, ...step.env } });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          console.log(`[e2e ${suite.combination.name}] workflow: ${step.name} (${[command, ...args].join(" ")}): ${seconds} s`);
          if (step.name === "Test") expect(output).toMatch(/Tests\s+\d+ passed/);
          if (step.name === "Browser tests") await checkBrowserRun(suite, output);
        }
      } finally {
        await rename(`${dotenv}.aside`, dotenv);
      }
    },
    900_000,
  );
}

/**
 * `npm ci` checks that package.json and the lockfile agree, then deletes node_modules and installs it again: 80 s of
 * this suite's longest combination for the tree the scaffold step installed a minute before from that very lockfile
 * (and checked package by package). The other package managers' frozen installs check the lockfile and find nothing to
 * do in 0-2 s; `--dry-run` makes npm do the same: its lockfile check runs and refuses a lockfile out of step, the tree
 * stays.
 */
const NPM_CI_LOCKFILE_CHECK = "--dry-run";

/** The spec files the combination's browser run takes (all by default), as Playwright arguments after the script. */
function browserSpecArgs(suite: Suite): string[] {
  const specs = suite.combination.browserSpecs?.map((spec) => `e2e/${spec}.spec.ts`) ?? [];
  if (specs.length === 0) return [];
  return suite.combination.packageManager === "npm" ? ["--", ...specs] : specs;
}

/**
 * Every browser test of the specs that ran passed (none skipped), and every page they check was screenshotted in
 * both themes at both widths: four screenshots per `checkPage` call.
 */
async function checkBrowserRun(suite: Suite, output: string): Promise<void> {
  const passed = Number(/(\d+) passed/.exec(output)?.[1] ?? 0);
  const weight = /chat page first-load JavaScript:.*/.exec(output)?.[0] ?? "(no chat page weight reported)";
  console.log(`[e2e ${suite.combination.name}] browser tests: ${passed} passed; ${weight}`);
  expect(output).not.toMatch(/\d+ (failed|flaky|skipped)/);

  const folder = path.join(suite.appDir, "e2e");
  const files = (await readdir(folder)).filter((name) => name.endsWith(".spec.ts"));
  const chosen = suite.combination.browserSpecs;
  const ran = chosen ? files.filter((name) => chosen.includes(name.replace(/\.spec\.ts$/, ""))) : files;
  expect(ran.length, "every chosen spec exists").toBe(chosen?.length ?? files.length);
  const sources = await Promise.all(ran.map((name) => readFile(path.join(folder, name), "utf8")));
  const count = (pattern: RegExp) => sources.reduce((sum, source) => sum + (source.match(pattern)?.length ?? 0), 0);
  expect(passed, "browser tests passed").toBe(count(/^\s*test\(/gm));

  const screens = await readdir(path.join(suite.appDir, "test-results", "screens"));
  expect(screens.filter((name) => name.endsWith(".png")).length).toBe(4 * count(/await checkPage\(/g));
}
