import type { PlannedStep } from "./plan.js";
import type { Reporter } from "./reporter.js";

/** A post-step (install, migrations) that failed: names its command and keeps the tail of its output. */
export class StepError extends Error {
  /** The steps that ran before this one, set by runSteps. */
  completed: StepResult[] = [];

  constructor(
    readonly step: PlannedStep,
    readonly detail: string,
    readonly output: string,
  ) {
    super(`\`${step.command.join(" ")}\` failed: ${detail}`);
    this.name = "StepError";
  }
}

export interface StepResult {
  id: PlannedStep["id"];
  command: string;
  ok: boolean;
  durationMs: number;
}

/** Runs the planned steps in order inside the project; stops at the first failure with a StepError. */
export async function runSteps(
  steps: readonly PlannedStep[],
  { cwd, verbose, json, reporter }: { cwd: string; verbose: boolean; json: boolean; reporter: Reporter },
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
      const child = execa(file, args, {
        cwd,
        all: true,
        reject: false,
        stdin: "ignore",
        env: projectEnv(),
        extendEnv: false,
        stdout: verbose ? ["pipe", json ? process.stderr : "inherit"] : "pipe",
        stderr: verbose ? ["pipe", "inherit"] : "pipe",
      });
      const result = await child;
      if (result.failed) {
        const detail = result.code === "ENOENT" ? `${file} is not installed` : (result.shortMessage ?? "failed");
        throw new StepError(step, detail, tail(result.all ?? ""));
      }
    };
    try {
      await reporter.task(`${step.title} (${step.command.join(" ")})`, run);
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
