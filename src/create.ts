import path from "node:path";
import pc from "picocolors";
import { CliError } from "./errors.js";
import { initRepository, type GitOutcome } from "./git.js";
import { choiceAsFlag, choiceKeys, type OptionKey, type Options } from "./options.js";
import { runScriptCommand } from "./package-manager.js";
import { type Plan, plannedSteps, planProject } from "./plan.js";
import { describePlan, planSummary } from "./plan-output.js";
import { CANCELLED, promptForMissing } from "./prompts.js";
import { createReporter } from "./reporter.js";
import { resolveOptions } from "./resolve.js";
import { runSteps, StepError, type StepResult } from "./steps.js";
import { assertWritableParent, discardPendingWrite, inspectTarget, writeAtomically } from "./write.js";

/** Prompts only on a real terminal, outside CI, and when the caller has not asked for defaults or JSON. */
export function isInteractive(given: Partial<Record<OptionKey, unknown>>): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI && !given.yes && !given.json);
}

/** The default command: resolve options, plan, write atomically, then install, migrate and commit. */
export async function create(given: Partial<Record<OptionKey, unknown>>): Promise<number> {
  const interactive = isInteractive(given);
  const options = resolveOptions(interactive ? await promptForMissing(given) : given);
  const reporter = createReporter({ spinner: interactive && !options.verbose, json: options.json });
  const plan = planProject(options);

  // A dry run refuses what the real run would refuse, so that its success means something.
  await refuseUnsafeTarget(plan.directory, options.force);
  if (options.dryRun) {
    if (options.json) process.stdout.write(`${JSON.stringify(planSummary(plan), null, 2)}\n`);
    else reporter.info(describePlan(plan));
    return 0;
  }

  if (!interactive) reporter.info(`Creating ${plan.name} with ${describeChoices(options, given)}`);

  const onInterrupt = () => {
    discardPendingWrite();
    process.exit(CANCELLED);
  };
  process.once("SIGINT", onInterrupt);
  try {
    await reporter.task(`Writing ${plan.files.length} files to ${displayPath(plan.directory)}`, () =>
      writeAtomically(plan.directory, plan.files),
    );
  } finally {
    process.off("SIGINT", onInterrupt);
  }

  let steps: StepResult[] = [];
  try {
    steps = await runSteps(plan.steps, {
      cwd: plan.directory,
      verbose: options.verbose,
      json: options.json,
      reporter,
    });
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    reportStepFailure(error, plan, options);
    return 1;
  }
  const git: GitOutcome = options.git ? await initRepository(plan.directory, reporter) : "skipped";
  const nextSteps = finishCommands(plan, options, steps);

  if (options.json) {
    const result = {
      ok: true,
      directory: plan.directory,
      name: plan.name,
      choices: plan.choices,
      files: plan.files.length,
      steps,
      git,
      nextSteps,
      setup: plan.nextSteps,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const setup = plan.nextSteps.length ? `\nTo use everything you chose:\n${plan.nextSteps.map((line) => `  ${line}`).join("\n")}` : "";
    reporter.info(`\n${pc.green("Done.")} Next steps:\n${nextSteps.map((line) => `  ${line}`).join("\n")}${setup}`);
  }
  return 0;
}

async function refuseUnsafeTarget(directory: string, force: boolean): Promise<void> {
  await assertWritableParent(directory);
  const target = await inspectTarget(directory);
  if (target.conflicts.length > 0 && !force) {
    const shown = target.conflicts.slice(0, 20).map((entry) => `  ${entry}`);
    if (target.conflicts.length > 20) shown.push(`  …and ${target.conflicts.length - 20} more`);
    throw new CliError(
      `${displayPath(directory)} is not empty. It contains:\n${shown.join("\n")}\n` +
        "Choose another directory, or pass --force to write into it (files the app needs are replaced).",
    );
  }
}

function describeChoices(options: Options, given: Partial<Record<OptionKey, unknown>>): string {
  return choiceKeys
    .map((key) => `${choiceAsFlag(key, options[key])}${key in given ? "" : pc.dim(" (default)")}`)
    .join(", ");
}

/**
 * The commands that take the user from here to a running app, in their package manager's syntax: every step the
 * full setup has that did not run (skipped by a flag, or failed), then the dev server.
 */
function finishCommands(plan: Plan, options: Options, completed: readonly StepResult[]): string[] {
  const cd = path.relative(process.cwd(), plan.directory);
  const commands = cd ? [`cd ${cd.includes(" ") ? JSON.stringify(cd) : cd}`] : [];
  const done = new Set(completed.filter((step) => step.ok).map((step) => step.id));
  const fullSetup = plannedSteps(options.packageManager, { install: true, migrate: true });
  commands.push(...fullSetup.filter((step) => !done.has(step.id)).map((step) => step.command.join(" ")));
  commands.push(runScriptCommand(options.packageManager, "dev").join(" "));
  return commands;
}

function reportStepFailure(error: StepError, plan: Plan, options: Options): void {
  const byHand = finishCommands(plan, options, error.completed);
  if (options.json) {
    const result = {
      ok: false,
      error: error.message,
      failedCommand: error.step.command.join(" "),
      output: error.output,
      directory: plan.directory,
      finishByHand: byHand,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  process.stderr.write(
    `${pc.red("✖")} ${error.message}\n${error.output ? `${pc.dim(error.output)}\n` : ""}` +
      `The project was written to ${displayPath(plan.directory)} and is kept. To finish by hand:\n` +
      `${byHand.map((line) => `  ${line}`).join("\n")}\n`,
  );
}

function displayPath(directory: string): string {
  return path.relative(process.cwd(), directory) || ".";
}
