import type { ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { PlannedStep } from "./plan.js";
import type { Reporter } from "./reporter.js";

/**
 * A post-step (install, migrations) that failed or was interrupted: names its command and keeps the tail of its
 * output.
 */
export class StepError extends Error {
  /** The steps that ran before this one, set by runSteps. */
  completed: StepResult[] = [];

  constructor(
    readonly step: PlannedStep,
    readonly detail: string,
    readonly output: string,
    /** Stopped by Ctrl-C (or SIGTERM) rather than failed. */
    readonly interrupted = false,
  ) {
    const command = `\`${step.command.join(" ")}\``;
    super(interrupted ? `Interrupted: ${command} was stopped, with every process it started.` : `${command} failed: ${detail}`);
    this.name = "StepError";
  }
}

export interface StepResult {
  id: PlannedStep["id"];
  command: string;
  ok: boolean;
  durationMs: number;
}

/** A started command: its process, and a promise of its result (settled once its output streams close too). */
type RunningCommand<Result> = Promise<Result> & Pick<ChildProcess, "pid" | "exitCode" | "signalCode" | "once">;

/** How long a stopped command may take to exit on SIGTERM before its process group gets SIGKILL. */
const GRACE_MS = 3_000;

/**
 * Runs the planned steps in order inside the project; stops at the first failure with a StepError. When `signal`
 * aborts (Ctrl-C), the running command and every process it started are stopped, and a StepError marked interrupted
 * is thrown once they are gone.
 */
export async function runSteps(
  steps: readonly PlannedStep[],
  {
    cwd,
    verbose,
    json,
    reporter,
    signal,
  }: { cwd: string; verbose: boolean; json: boolean; reporter: Reporter; signal: AbortSignal },
): Promise<StepResult[]> {
  if (steps.length === 0) return [];
  const { execa } = await import("execa");
  const results: StepResult[] = [];
  for (const step of steps) {
    const started = performance.now();
    const [file, ...args] = step.command as [string, ...string[]];
    const record = (ok: boolean) =>
      results.push({ id: step.id, command: step.command.join(" "), ok, durationMs: Math.round(performance.now() - started) });
    const run = async () => {
      if (signal.aborted) throw new StepError(step, "interrupted", "", true);
      const child = execa(file, args, {
        cwd,
        all: true,
        reject: false,
        stdin: "ignore",
        env: projectEnv(),
        extendEnv: false,
        // Its own process group, so that the whole tree it starts can be stopped at once.
        detached: process.platform !== "win32",
        stdout: verbose ? ["pipe", json ? process.stderr : "inherit"] : "pipe",
        stderr: verbose ? ["pipe", "inherit"] : "pipe",
      });
      const result = await untilExited(child, signal);
      if (signal.aborted) throw new StepError(step, "interrupted", tail(result.all ?? ""), true);
      if (result.failed) {
        const detail = result.code === "ENOENT" ? `${file} is not installed` : (result.shortMessage ?? "failed");
        throw new StepError(step, detail, tail(result.all ?? ""));
      }
    };
    try {
      await reporter.task(`${step.title} (${step.command.join(" ")})`, run);
      if (step.id === "install") await forgetTypeCheckCache(cwd);
      record(true);
    } catch (error) {
      if (error instanceof StepError) error.completed = [...results];
      record(false);
      throw error;
    }
  }
  return results;
}

/**
 * Next's incremental type check remembers the files of the packages it saw (`.next/cache/.tsbuildinfo`); after an
 * install replaced some, the next builds fail on files that no longer exist until it is deleted. A new install makes
 * it stale, so it goes (a fresh project has none).
 */
async function forgetTypeCheckCache(cwd: string): Promise<void> {
  await rm(path.join(cwd, ".next", "cache", ".tsbuildinfo"), { force: true });
}

/**
 * Waits for a command to end. If `signal` aborts first, it stops the command's whole process tree and waits for that
 * too; if the CLI itself exits meanwhile, the tree is killed rather than left running on its own.
 */
async function untilExited<Result>(child: RunningCommand<Result>, signal: AbortSignal): Promise<Result> {
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping = stopProcessTree(child);
  };
  const killOnExit = () => signalGroup(child.pid, "SIGKILL");
  signal.addEventListener("abort", stop, { once: true });
  process.once("exit", killOnExit);
  try {
    const result = await child;
    await stopping;
    return result;
  } finally {
    signal.removeEventListener("abort", stop);
    process.off("exit", killOnExit);
  }
}

/**
 * SIGTERM to the command's process group, SIGKILL to what is left of it once the command exits or after GRACE_MS:
 * a package manager's own children (lifecycle scripts, builds) must not outlive it. Windows has no process groups:
 * taskkill ends the tree there.
 */
async function stopProcessTree(child: RunningCommand<unknown>): Promise<void> {
  if (child.pid === undefined) return;
  if (process.platform === "win32") {
    const { execa } = await import("execa");
    await execa("taskkill", ["/pid", String(child.pid), "/T", "/F"], { reject: false });
    return;
  }
  signalGroup(child.pid, "SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  await new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
    child.once("exit", resolve);
    timer = setTimeout(resolve, GRACE_MS);
  });
  clearTimeout(timer);
  signalGroup(child.pid, "SIGKILL");
}

/** Sends a signal to every process of the group a detached command leads; a group already gone is fine. */
function signalGroup(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined || process.platform === "win32") return;
  try {
    process.kill(-pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/**
 * The environment for commands run in the new project: ours, less what a package manager sets for the script that
 * started the CLI (`npm create` / `npm exec`), which would otherwise point `npm install` back at the caller's project.
 */
export function projectEnv(source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const inherited = Object.entries(source).filter(
    ([name]) => !/^npm_(package_|lifecycle_|config_local_prefix$)/.test(name) && name !== "INIT_CWD",
  );
  return { ...Object.fromEntries(inherited), NEXT_TELEMETRY_DISABLED: "1" };
}

function tail(output: string, lines = 25): string {
  return output.trimEnd().split("\n").slice(-lines).join("\n");
}
