import path from "node:path";
import pc from "picocolors";
import { CliError, type ErrorCode, failureResult, refusal } from "./errors.js";
import { FIRST_COMMIT_COMMAND, gitSkipReason, initRepository, type GitOutcome } from "./git.js";
import { type InterruptWatch, watchInterrupts } from "./interrupt.js";
import { asStarted } from "./invocation.js";
import { choiceAsFlag, choiceKeys, type OptionKey, type Options } from "./options.js";
import { runScriptCommand } from "./package-manager.js";
import { pickChoices, type Plan, plannedSteps, planProject, selectedItems } from "./plan.js";
import { describePlan, NO_INSTALL_NOTE, planSummary, replacedSection } from "./plan-output.js";
import { assertPackageManagerInstalled } from "./preflight.js";
import { promptForMissing } from "./prompts.js";
import { createReporter, printJson, type Reporter } from "./reporter.js";
import { resolveOptions } from "./resolve.js";
import { runSteps, StepError, type StepResult } from "./steps.js";
import { assertWritableParent, existingFiles, inspectTarget, writeAtomically } from "./write.js";

/** Prompts only on a real terminal, outside CI, and when the caller has not asked for defaults or JSON. */
export function isInteractive(given: Partial<Record<OptionKey, unknown>>): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI && !given.yes && !given.json);
}

/**
 * The default command: resolve options, plan, check what the run needs (an empty target, the package manager, each
 * chosen item's preflight, such as the PostgreSQL database), write atomically, then install, migrate and commit.
 * Ctrl-C from the write on stops the running command's whole process tree and says how to finish.
 */
export async function create(given: Partial<Record<OptionKey, unknown>>): Promise<number> {
  const interactive = isInteractive(given);
  const options = validOptions(interactive ? await promptForMissing(given) : given);
  const reporter = createReporter({ spinner: interactive && !options.verbose, json: options.json });
  const plan = planProject(options);

  // A dry run refuses what the real run would refuse, so that its success means something.
  const replaced = await refuseUnsafeTarget(plan, options.force);
  if (options.install) await assertPackageManagerInstalled(options.packageManager, "packageManager" in given ? "flag" : "detected");
  const context = { git: options.git, replaced };
  if (options.dryRun) {
    if (options.json) printJson(planSummary(plan, context));
    else reporter.info(describePlan(plan, context));
    return 0;
  }

  if (!interactive) reporter.info(`Creating ${plan.name} with ${describeChoices(options, given)}`);
  const preflights = await runPreflights(plan, options, reporter);
  if (replaced.length > 0) reporter.info(replacedSection(replaced));

  const interrupts = watchInterrupts();
  try {
    await writeProject(plan, { reporter, signal: interrupts.signal, json: options.json, force: options.force });
    announceSkippedSteps(options, reporter);
    return await setUp(plan, options, { reporter, interrupts, replaced, preflights });
  } finally {
    interrupts.stop();
  }
}

/**
 * Install, migrations and the first commit in the written project. A failed step or Ctrl-C keeps the project and
 * says how to finish; returns the exit code.
 */
async function setUp(
  plan: Plan,
  options: Options,
  context: { reporter: Reporter; interrupts: InterruptWatch; replaced: string[]; preflights: Record<string, unknown> },
): Promise<number> {
  const { reporter, interrupts } = context;
  let steps: StepResult[];
  try {
    steps = await runSteps(plan.steps, { ...options, cwd: plan.directory, reporter, signal: interrupts.signal });
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    const code = error.interrupted ? "CANCELLED" : "STEP_FAILED";
    const commit = options.git && !(await gitSkipReason(plan.directory));
    reportUnfinished(plan, options, { code, message: error.message, completed: error.completed, failed: error, commit });
    return error.interrupted ? interrupts.exitCode() : 1;
  }
  const git: GitOutcome = options.git ? await initRepository(plan.directory, reporter) : "skipped";
  if (interrupts.signal.aborted) {
    reportUnfinished(plan, options, {
      code: "CANCELLED",
      message: git === "failed" ? "Interrupted while the first commit was made." : "Interrupted: the project is set up.",
      completed: steps,
      commit: git === "failed",
    });
    return interrupts.exitCode();
  }
  reportSuccess(plan, options, { ...context, steps, git });
  return 0;
}

/**
 * Writes the project all or nothing; Ctrl-C meanwhile leaves nothing, and says so (under --json, the result does).
 * Without --force the target must still be empty once this run holds it: another run may have written it meanwhile.
 */
async function writeProject(
  plan: Plan,
  { reporter, signal, json, force }: { reporter: Reporter; signal: AbortSignal; json: boolean; force: boolean },
) {
  try {
    await reporter.task(`Writing ${plan.files.length} files to ${displayPath(plan.directory)}`, () =>
      writeAtomically(plan.directory, plan.files, { signal, mustBeEmpty: !force }),
    );
  } catch (error) {
    if (error instanceof CliError && error.code === "CANCELLED" && !json) process.stderr.write(`${error.message}\n`);
    throw error;
  }
}

/** The options, or an INVALID_OPTIONS refusal naming each refused flag. */
function validOptions(given: Partial<Record<OptionKey, unknown>>): Options {
  try {
    return resolveOptions(given);
  } catch (error) {
    if (error instanceof CliError && error.code === "FAILED") throw refusal("INVALID_OPTIONS", error.message);
    throw error;
  }
}

/** Refuses a non-empty target without --force; returns the planned files that --force writes over. */
async function refuseUnsafeTarget(plan: Plan, force: boolean): Promise<string[]> {
  await assertWritableParent(plan.directory);
  const target = await inspectTarget(plan.directory);
  if (target.conflicts.length > 0 && !force) {
    const shown = target.conflicts.slice(0, 20).map((entry) => `  ${entry}`);
    if (target.conflicts.length > 20) shown.push(`  …and ${target.conflicts.length - 20} more`);
    throw refusal(
      "TARGET_NOT_EMPTY",
      `${displayPath(plan.directory)} is not empty. It contains:\n${shown.join("\n")}\n` +
        "Choose another directory, or pass --force to write into it (files the app needs are replaced).",
      { directory: plan.directory, conflicts: target.conflicts },
    );
  }
  return target.exists ? existingFiles(plan.directory, plan.files) : [];
}

/**
 * The chosen items' preflights, when this run installs and migrates (what they check is what those steps need).
 * Returns what they found, for the --json outcome.
 */
async function runPreflights(plan: Plan, options: Options, reporter: Reporter): Promise<Record<string, unknown>> {
  if (!options.install || !options.migrate) return {};
  const found: Record<string, unknown> = {};
  for (const { descriptor } of selectedItems(pickChoices(options))) {
    Object.assign(found, await descriptor.preflight?.({ name: plan.name, options, reporter }));
  }
  return found;
}

/** --no-install and --no-migrate leave steps out; say so where they would have run, the next steps list them. */
function announceSkippedSteps(options: Options, reporter: Reporter): void {
  if (!options.install) reporter.info(`${NO_INSTALL_NOTE}. The next steps below run them.`);
  else if (!options.migrate) reporter.info("--no-migrate: the database migration is not made. The next steps below run it.");
}

function describeChoices(options: Options, given: Partial<Record<OptionKey, unknown>>): string {
  return choiceKeys
    .map((key) => `${choiceAsFlag(key, options[key])}${key in given ? "" : pc.dim(" (default)")}`)
    .join(", ");
}

/**
 * The commands that take the user from here to a running app, in their package manager's syntax: every step the
 * full setup has that did not run (skipped by a flag, failed or interrupted), the first commit when it is still to
 * make, then the dev server.
 */
function finishCommands(plan: Plan, options: Options, completed: readonly StepResult[], commit: boolean): string[] {
  const cd = path.relative(process.cwd(), plan.directory);
  const commands = cd ? [`cd ${cd.includes(" ") ? JSON.stringify(cd) : cd}`] : [];
  const done = new Set(completed.filter((step) => step.ok).map((step) => step.id));
  const fullSetup = plannedSteps(options.packageManager, { install: true, migrate: true });
  commands.push(...fullSetup.filter((step) => !done.has(step.id)).map((step) => step.command.join(" ")));
  if (commit) commands.push(FIRST_COMMIT_COMMAND);
  commands.push(runScriptCommand(options.packageManager, "dev").join(" "));
  return commands;
}

function reportSuccess(
  plan: Plan,
  options: Options,
  outcome: {
    steps: StepResult[];
    git: GitOutcome;
    replaced: string[];
    preflights: Record<string, unknown>;
    reporter: Reporter;
  },
): void {
  const nextSteps = finishCommands(plan, options, outcome.steps, false);
  const setupSteps = plan.nextSteps.map((line) => asStarted(line, plan.directory));
  if (options.json) {
    printJson({
      ok: true,
      directory: plan.directory,
      name: plan.name,
      choices: plan.choices,
      files: plan.files.length,
      replaced: outcome.replaced,
      ...outcome.preflights,
      steps: outcome.steps,
      git: outcome.git,
      nextSteps,
      setup: setupSteps,
    });
    return;
  }
  const setup = setupSteps.length ? `\nTo use everything you chose:\n${setupSteps.map((line) => `  ${line}`).join("\n")}` : "";
  outcome.reporter.info(`\n${pc.green("Done.")} Next steps:\n${nextSteps.map((line) => `  ${line}`).join("\n")}${setup}`);
}

/**
 * The project is written but its setup did not finish (a step failed, or Ctrl-C): it is kept; say where it is and
 * the exact commands that finish it (`commit`: the first commit among them).
 */
function reportUnfinished(
  plan: Plan,
  options: Options,
  stop: { code: ErrorCode; message: string; completed: readonly StepResult[]; failed?: StepError; commit: boolean },
): void {
  const byHand = finishCommands(plan, options, stop.completed, stop.commit);
  if (options.json) {
    const failed = stop.failed ? { failedCommand: stop.failed.step.command.join(" "), output: stop.failed.output } : {};
    printJson(failureResult(stop.code, stop.message, { ...failed, directory: plan.directory, finishByHand: byHand }));
    return;
  }
  const output = stop.failed?.output && stop.code !== "CANCELLED" ? `${pc.dim(stop.failed.output)}\n` : "";
  process.stderr.write(
    `${pc.red("✖")} ${stop.message}\n${output}The project was written to ${displayPath(plan.directory)} and is kept. To finish by hand:\n` +
      `${byHand.map((line) => `  ${line}`).join("\n")}\n`,
  );
}

function displayPath(directory: string): string {
  return path.relative(process.cwd(), directory) || ".";
}
