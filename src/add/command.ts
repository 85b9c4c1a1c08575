import path from "node:path";
import pc from "picocolors";
import { CliError, failureResult, refusal } from "../errors.js";
import { watchInterrupts } from "../interrupt.js";
import { CANCELLED } from "../prompts.js";
import type { z } from "zod";
import { type AddOptionKey, type AddOptions, addMetaOf, addOptionsObject } from "../options.js";
import { createReporter, printJson, type Reporter } from "../reporter.js";
import { runSteps, StepError, type StepResult } from "../steps.js";
import { MANIFEST_FILE } from "../manifest.js";
import { applyWrites, type FileWrite } from "./apply.js";
import { applyItems, listItems, parseItems } from "./items.js";
import { describeAddPlan, describeList, fileDiffs, summary } from "./output.js";
import { type AddPlan, isWrite, planAdd } from "./plan.js";
import { findProject, type Project } from "./project.js";

/**
 * `create-craftjs add`: plan every file's change, refuse conflicts, write all or nothing, install and migrate. A
 * refusal is a CliError (under --json, the CLI prints it as `{ ok: false, code, message }`).
 */
export async function add(given: Record<string, unknown>): Promise<number> {
  const parsed = addOptionsObject.safeParse(given);
  if (!parsed.success) throw refusal("INVALID_OPTIONS", formatAddIssues(parsed.error));
  const options = parsed.data;
  const reporter = createReporter({ spinner: false, json: options.json });
  if (options.list) return listCommand(options, reporter);
  const items = asRequest(() => parseItems(options.items));
  const project = await findProject(options.cwd);
  // Items the project cannot take (another database, two AI providers) are refused here, as a bad request.
  asRequest(() => applyItems(project.manifest.choices, items));
  const plan = await planAdd(project, items);
  const conflicts = plan.files.filter((file) => file.action === "conflict");
  const writes = plan.files.filter((file) => isWrite(file.action) || (file.action === "conflict" && options.force));

  const refused = conflicts.length > 0 && !options.force;
  const conflictMessage =
    `${conflicts.length === 1 ? "1 file conflicts" : `${conflicts.length} files conflict`} with your edits: nothing was ` +
    "changed. Merge them by hand and run add again, or pass --force to take the new version and keep yours as <file>.orig.";
  if (options.json && (options.dryRun || refused)) {
    const outcome = { dryRun: options.dryRun, ...summary(plan, options), diffs: fileDiffs(conflicts) };
    printJson(refused ? failureResult("CONFLICT", conflictMessage, outcome) : { ok: true, ...outcome });
    return refused ? 1 : 0;
  }
  if (!options.json) reporter.info(describeAddPlan(plan, project, options));
  if (refused) {
    if (!options.dryRun) process.stderr.write(`${pc.red("✖")} ${conflictMessage} The conflicting changes are shown above.\n`);
    return 1;
  }
  if (options.dryRun) return 0;
  if (writes.length === 0 && !project.upgraded && sameChoices(plan)) {
    reporter.info(`${pc.green("Nothing to do:")} ${plan.items.map((item) => item.key).join(", ")} already in place.`);
    if (options.json) printJson({ ok: true, nothingToDo: true, ...summary(plan, options) });
    return 0;
  }

  if (isInteractive(options) && !(await confirmWrite())) {
    reporter.info("Cancelled: nothing was changed.");
    return CANCELLED;
  }
  await applyWrites(project.root, [...writes.map(toWrite), manifestWrite(plan)]);
  const steps = stepsToRun(plan, options);
  let results: StepResult[] = [];
  const interrupts = watchInterrupts();
  try {
    results = await runSteps(steps, {
      cwd: project.root,
      verbose: options.verbose,
      json: options.json,
      reporter,
      signal: interrupts.signal,
    });
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    reportStepFailure(error, plan, options, project);
    return error.interrupted ? interrupts.exitCode() : 1;
  } finally {
    interrupts.stop();
  }
  const finish = plan.steps.filter((step) => !results.some((result) => result.id === step.id && result.ok));
  if (options.json) {
    printJson({ ok: true, ...summary(plan, options), steps: results, finishByHand: finish.map((step) => step.command.join(" ")) });
  } else {
    const lines = [...finish.map((step) => step.command.join(" ")), ...plan.nextSteps];
    reporter.info(`${pc.green("Done.")}${lines.length ? ` Next:\n${lines.map((line) => `  ${line}`).join("\n")}` : ""}`);
  }
  return 0;
}

/** Runs a check of what was asked for; its refusal is an INVALID_OPTIONS one. */
function asRequest<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof CliError) throw refusal("INVALID_OPTIONS", error.message);
    throw error;
  }
}

function listCommand(options: AddOptions, reporter: Reporter): Promise<number> {
  return findProject(options.cwd).then(
    (project) => printList(project, options, reporter),
    (error: unknown) => {
      if (!(error instanceof CliError)) throw error;
      return printList(undefined, options, reporter);
    },
  );
}

function printList(project: Project | undefined, options: AddOptions, reporter: Reporter): number {
  const items = listItems(project?.manifest.choices);
  if (options.json) printJson({ ok: true, project: project?.root, items });
  else reporter.info(describeList(items, project?.root));
  return 0;
}

/** One line per refused option of add: its flag and what is wrong. */
function formatAddIssues(error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const key = issue.path[0] as AddOptionKey;
    const flag = key in addOptionsObject.shape ? addMetaOf(key).flag.split(" ")[0] : String(key);
    return `  ${flag}: ${issue.message}.`;
  });
  return `Invalid options:\n${lines.join("\n")}\n  Example: create-craftjs add api-keys --cwd my-app`;
}

/** Asks before writing only on a real terminal, outside CI, unless --yes or --json. */
function isInteractive(options: AddOptions): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI && !options.yes && !options.json);
}

async function confirmWrite(): Promise<boolean> {
  const clack = await import("@clack/prompts");
  const answer = await clack.confirm({ message: "Apply these changes?", initialValue: true });
  return answer === true;
}

function sameChoices(plan: AddPlan): boolean {
  return JSON.stringify(plan.choices) === JSON.stringify(plan.previousChoices);
}

function toWrite(file: AddPlan["files"][number]): FileWrite {
  if (file.action === "delete") return { path: file.path, content: null };
  if (file.action === "conflict") return { path: file.path, content: file.after!, keepAs: `${file.path}.orig` };
  return { path: file.path, content: file.after! };
}

function manifestWrite(plan: AddPlan): FileWrite {
  return { path: MANIFEST_FILE, content: `${JSON.stringify(plan.manifest, null, 2)}\n` };
}

/**
 * The follow-up steps this run makes: install unless --no-install; a migration unless --no-migrate, and only once
 * its tools are there (installed now or before).
 */
function stepsToRun(plan: AddPlan, options: AddOptions) {
  return plan.steps.filter((step) => {
    if (step.id === "install") return options.install;
    if (!options.migrate) return false;
    const installs = plan.steps.some((other) => other.id === "install");
    return !installs || options.install;
  });
}

/** Install or migration failed or was interrupted: the files are written; say what is left to run. */
function reportStepFailure(error: StepError, plan: AddPlan, options: AddOptions, project: Project): void {
  const done = new Set(error.completed.map((step) => step.id));
  const byHand = plan.steps.filter((step) => !done.has(step.id)).map((step) => step.command.join(" "));
  if (options.json) {
    const code = error.interrupted ? "CANCELLED" : "STEP_FAILED";
    printJson(failureResult(code, error.message, { output: error.output, finishByHand: byHand }));
  } else {
    const where = path.relative(process.cwd(), project.root) || ".";
    process.stderr.write(
      `${pc.red("✖")} ${error.message}\n${error.output ? `${pc.dim(error.output)}\n` : ""}` +
        `The files are written. To finish by hand, in ${where}:\n${byHand.map((line) => `  ${line}`).join("\n")}\n`,
    );
  }
}
