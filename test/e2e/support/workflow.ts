import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

export interface WorkflowStep {
  name: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}

export interface WorkflowJob {
  services?: Record<string, { image: string }>;
  env: Record<string, string>;
  steps: WorkflowStep[];
}

/** The job of the app's generated GitHub Actions workflow, as GitHub would read it. */
export async function readWorkflowJob(appDir: string): Promise<WorkflowJob> {
  const workflow = parse(await readFile(path.join(appDir, ".github", "workflows", "ci.yml"), "utf8"));
  const jobs = Object.values(workflow.jobs) as WorkflowJob[];
  if (jobs.length !== 1) throw new Error(`Expected one job in the workflow, found ${jobs.length}`);
  return jobs[0]!;
}

/**
 * Whether a step runs, for the conditions the generated workflow uses: `${{ env.NAME == '' }}` and
 * `${{ !cancelled() }}` (nothing is cancelled here). Any other condition is refused, so a new one cannot be skipped
 * silently.
 */
export function stepRuns(step: WorkflowStep, env: Record<string, string | undefined>): boolean {
  if (step.if === undefined) return true;
  const unset = /^\$\{\{ env\.([A-Z_][A-Z0-9_]*) == '' \}\}$/.exec(step.if);
  if (unset) return !env[unset[1]!];
  if (step.if === "${{ !cancelled() }}") return true;
  throw new Error(`The suite cannot evaluate the workflow condition ${step.if} (step "${step.name}")`);
}
