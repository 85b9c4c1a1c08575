import pc from "picocolors";
import { FIRST_COMMIT_COMMAND } from "./git.js";
import type { Plan } from "./plan.js";

/** What the run does beyond the plan itself: the git step, and the files --force replaces in the target. */
export interface PlanContext {
  git: boolean;
  /** Planned files that already exist in the target (written over with --force). */
  replaced: readonly string[];
}

/** The commands the run would execute after writing: install and migrations, then the first commit. */
function planCommands(plan: Plan, { git }: PlanContext): string[] {
  return [...plan.steps.map((step) => step.command.join(" ")), ...(git ? [FIRST_COMMIT_COMMAND] : [])];
}

/** The plan as data for --dry-run --json: every file with its size, not its content. */
export function planSummary(plan: Plan, context: PlanContext) {
  return {
    // Like every other outcome under --json: a script checks `ok` first.
    ok: true as const,
    dryRun: true as const,
    directory: plan.directory,
    name: plan.name,
    choices: plan.choices,
    items: plan.items,
    files: plan.files.map((file) => ({ path: file.path, owner: file.owner, kind: file.kind, bytes: Buffer.byteLength(file.content) })),
    replaces: context.replaced,
    dependencies: plan.dependencies,
    devDependencies: plan.devDependencies,
    env: plan.env.map((variable) => variable.name),
    commands: planCommands(plan, context),
  };
}

/** The plan for a person: what --dry-run prints. */
export function describePlan(plan: Plan, context: PlanContext): string {
  const section = (title: string, lines: string[]) => `${pc.bold(title)}\n${lines.map((line) => `  ${line}`).join("\n")}`;
  const deps = (record: Record<string, string>) => Object.entries(record).map(([name, version]) => `${name}@${version}`);
  const commands = planCommands(plan, context).map((command) =>
    command === FIRST_COMMIT_COMMAND ? `${command} ${pc.dim("(skipped inside a repository or without a git identity)")}` : command,
  );
  if (plan.steps.length === 0) commands.unshift(pc.dim(NO_INSTALL_NOTE));
  return [
    `${pc.bold("Dry run:")} nothing is written. ${plan.name} → ${plan.directory}`,
    section("Choices", Object.entries(plan.choices).map(([key, value]) => `${key}: ${String(value)}`)),
    section(`Files (${plan.files.length})`, plan.files.map((file) => `${file.path.padEnd(48)} ${pc.dim(`${file.owner}, ${file.kind}`)}`)),
    ...(context.replaced.length > 0 ? [replacedSection(context.replaced)] : []),
    section("Dependencies", deps(plan.dependencies)),
    section("Dev dependencies", deps(plan.devDependencies)),
    section("Environment variables", plan.env.map((variable) => variable.name)),
    section("Commands", commands),
  ].join("\n\n");
}

/** Said when --no-install leaves out install and, with it, the migrations (they run the installed drizzle-kit). */
export const NO_INSTALL_NOTE = "--no-install: no install, so no migrations either (they need the dependencies)";

/** The files --force writes over, listed before anything is written (and by --dry-run). */
export function replacedSection(replaced: readonly string[]): string {
  const count = replaced.length === 1 ? "1 existing file" : `${replaced.length} existing files`;
  return `${pc.bold(`--force replaces ${count}`)} ${pc.dim("(your other files are left alone)")}\n${replaced.map((file) => `  ${file}`).join("\n")}`;
}
