import path from "node:path";
import pc from "picocolors";
import { CliError } from "../errors.js";
import { CANCELLED } from "../prompts.js";
import { type AddOptions, addOptionsObject } from "../options.js";
import { createReporter, type Reporter } from "../reporter.js";
import { formatIssues } from "../resolve.js";
import { runSteps, StepError, type StepResult } from "../steps.js";
import { MANIFEST_FILE } from "../manifest.js";
import { applyWrites, type FileWrite } from "./apply.js";
import { listItems, parseItems } from "./items.js";
import { describeAddPlan, describeList, fileDiffs, summary } from "./output.js";
import { type AddPlan, isWrite, planAdd } from "./plan.js";
import { findProject, type Project } from "./project.js";

/** `create-craftjs add`: plan every file's change, refuse conflicts, write all or nothing, install and migrate. */
export async function add(given: Record<string, unknown>): Promise<number> {
  const parsed = addOptionsObject.safeParse(given);
  if (!parsed.success) throw new CliError(formatIssues(parsed.error, given as never));
  const options = parsed.data;
  try {
    return await runAdd(options);
  } catch (error) {
    if (!(error instanceof CliError) || !options.json) throw error;
    process.stdout.write(`${JSON.stringify({ ok: false, error: error.message }, null, 2)}\n`);
    return error.exitCode;
  }
}

async function runAdd(options: AddOptions): Promise<number> {
  const reporter = createReporter({ spinner: false, json: options.json });
  if (options.list) return listCommand(options, reporter);
  const items = parseItems(options.items);
  const project = await findProject(options.cwd);
  const plan = await planAdd(project, items);
  const conflicts = plan.files.filter((file) => file.action === "conflict");
  const writes = plan.files.filter((file) => isWrite(file.action) || (file.action === "conflict" && options.force));

  if (options.json && (options.dryRun || (conflicts.length > 0 && !options.force))) {
    const refused = conflicts.length > 0 && !options.force;
    const result = { ok: !refused, dryRun: options.dryRun, ...summary(plan, options), diffs: fileDiffs(conflicts) };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return refused ? 1 : 0;
  }
  if (!options.json) reporter.info(describeAddPlan(plan, project, options));
  if (conflicts.length > 0 && !options.force) {
    if (!options.dryRun) {
      process.stderr.write(
        `${pc.red("✖")} ${conflicts.length === 1 ? "1 file conflicts" : `${conflicts.length} files conflict`} with your edits ` +
          "(shown above): nothing was changed. Merge them by hand and run add again, or pass --force to take the new " +
          "version and keep yours as <file>.orig.\n",
      );
    }
    return 1;
  }
  if (options.dryRun) return 0;
  if (writes.length === 0 && !project.upgraded && sameChoices(plan)) {
    reporter.info(`${pc.green("Nothing to do:")} ${plan.items.map((item) => item.key).join(", ")} already in place.`);
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: true, nothingToDo: true, ...summary(plan, options) }, null, 2)}\n`);
    return 0;
  }

  if (isInteractive(options) && !(await confirmWrite())) {
    reporter.info("Cancelled: nothing was changed.");
    return CANCELLED;
  }
  await applyWrites(project.root, [...writes.map(toWrite), manifestWrite(plan)]);
  const steps = stepsToRun(plan, options);
  let results: StepResult[] = [];
  try {
    results = await runSteps(steps, { cwd: project.root, verbose: options.verbose, json: options.json, reporter });
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    return reportStepFailure(error, plan, options, project);
  }
  const finish = plan.steps.filter((step) => !results.some((result) => result.id === step.id && result.ok));
  if (options.json) {
    const result = { ok: true, ...summary(plan, options), steps: results, finishByHand: finish.map((step) => step.command.join(" ")) };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const lines = [...finish.map((step) => step.command.join(" ")), ...plan.nextSteps];
    reporter.info(`${pc.green("Done.")}${lines.length ? ` Next:\n${lines.map((line) => `  ${line}`).join("\n")}` : ""}`);
  }
  return 0;
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
  if (options.json) process.stdout.write(`${JSON.stringify({ ok: true, project: project?.root, items }, null, 2)}\n`);
  else reporter.info(describeList(items, project?.root));
  return 0;
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

function reportStepFailure(error: StepError, plan: AddPlan, options: AddOptions, project: Project): number {
  const done = new Set(error.completed.map((step) => step.id));
  const byHand = plan.steps.filter((step) => !done.has(step.id)).map((step) => step.command.join(" "));
  if (options.json) {
    const result = { ok: false, error: error.message, output: error.output, finishByHand: byHand };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const where = path.relative(process.cwd(), project.root) || ".";
    process.stderr.write(
      `${pc.red("✖")} ${error.message}\n${error.output ? `${pc.dim(error.output)}\n` : ""}` +
        `The files are written. To finish by hand, in ${where}:\n${byHand.map((line) => `  ${line}`).join("\n")}\n`,
    );
  }
  return 1;
}
