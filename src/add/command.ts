import path from "node:path";
import pc from "picocolors";
import { CliError, failureResult, refusal } from "../errors.js";
import { watchInterrupts } from "../interrupt.js";
import { CANCELLED } from "../prompts.js";
import type { z } from "zod";
import {
  type AddOptionKey,
  type AddOptions,
  addMetaOf,
  addOptionsObject,
  removeOptionsObject,
  updateOptionsObject,
} from "../options.js";
import { createReporter, printJson, type Reporter } from "../reporter.js";
import { runSteps, StepError, type StepResult } from "../steps.js";
import { type Manifest, MANIFEST_FILE } from "../manifest.js";
import type { PlannedStep } from "../plan.js";
import { applyWrites, type FileWrite } from "../write.js";
import { CLI_VERSION } from "../version.js";
import { applyItems, listItems, parseItems, parseRemovals, type RequestedItem } from "./items.js";
import { describeAddPlan, describeList, fileDiffs, summary } from "./output.js";
import { hasConflictMarkers } from "./merge.js";
import {
  backupPath,
  clearPending,
  CRAFTJS_FOLDER,
  ignoreWrite,
  type Pending,
  pendingWrites,
  readPending,
  unresolved,
} from "./pending.js";
import { type AddPlan, type FileChange, isWrite, planAdd } from "./plan.js";
import { findProject, type Project } from "./project.js";

/**
 * `create-craftjs add`: plan every file's change, refuse conflicts, write all or nothing, install and migrate. A
 * refusal is a CliError (under --json, the CLI prints it as `{ ok: false, code, message }`).
 */
export async function add(given: Record<string, unknown>): Promise<number> {
  const parsed = addOptionsObject.safeParse(given);
  if (!parsed.success) throw refusal("INVALID_OPTIONS", formatAddIssues(parsed.error, "add"));
  const options = parsed.data;
  if (options.list) return listCommand(options, createReporter({ spinner: false, json: options.json }));
  return change(options, options.continue ? [] : asRequest(() => parseItems(options.items)), "add");
}

/**
 * `create-craftjs remove`: a feature, an OAuth provider, payments or storage taken out as add switches providers:
 * files deleted where untouched, kept and listed where edited, variables retired, schema modules kept for their data.
 */
export async function remove(given: Record<string, unknown>): Promise<number> {
  const parsed = removeOptionsObject.safeParse(given);
  if (!parsed.success) throw refusal("INVALID_OPTIONS", formatAddIssues(parsed.error, "remove"));
  const options = { ...parsed.data, list: false };
  return change(options, options.continue ? [] : asRequest(() => parseRemovals(options.items)), "remove");
}

/**
 * `create-craftjs update`: the project re-rendered from its recorded choices with this CLI's templates and pins,
 * applied as add applies its items (untouched files replaced, edited ones merged three ways against what the older
 * version wrote, conflicts refused), then install and migrations; the manifest records the update.
 */
export async function update(given: Record<string, unknown>): Promise<number> {
  const parsed = updateOptionsObject.safeParse(given);
  if (!parsed.success) throw refusal("INVALID_OPTIONS", formatAddIssues(parsed.error, "update"));
  return change({ ...parsed.data, items: [], list: false }, [], "update");
}

async function change(options: AddOptions, items: RequestedItem[], command: Command): Promise<number> {
  const reporter = createReporter({ spinner: false, json: options.json });
  const project = await findProject(options.cwd);
  if (options.continue) return continueRun(project, options, reporter);
  const pending = await readPending(project.root);
  if (pending) throw refusal("PENDING", pendingMessage(pending, "An earlier run stopped on conflicts"));
  // Items the project cannot take (another database, two AI providers) are refused here, as a bad request.
  asRequest(() => applyItems(project.manifest.choices, items));
  const plan = await planAdd(project, items, { updating: command === "update", regenerate: options.force && command === "add" });
  const conflicts = plan.files.filter((file) => file.action === "conflict");

  if (options.dryRun) {
    const outcome = { dryRun: true, ...summary(plan, options), diffs: fileDiffs(conflicts) };
    if (options.json) printJson({ ok: true, ...outcome });
    else reporter.info(describeAddPlan(plan, project, options));
    return 0;
  }
  if (!options.json) reporter.info(describeAddPlan(plan, project, options));
  const writes = plan.files.filter((file) => isWrite(file.action));
  const current = !project.upgraded && project.manifest.cliVersion === CLI_VERSION;
  if (writes.length === 0 && conflicts.length === 0 && current && sameChoices(plan)) {
    const keys = plan.items.map((item) => item.key).join(", ");
    const already = {
      update: `the project is already at create-craftjs ${CLI_VERSION}.`,
      add: `${keys} already in place.`,
      remove: `the project has no ${keys}.`,
    }[command];
    reporter.info(`${pc.green("Nothing to do:")} ${already}`);
    if (options.json) printJson({ ok: true, nothingToDo: true, ...summary(plan, options) });
    return 0;
  }

  const dirty = await uncommittedChanges(project.root);
  if (dirty.length > 0) {
    const warning = `${dirty.length} uncommitted change${dirty.length === 1 ? "" : "s"} in the project's git tree (${dirty.slice(0, 3).join(", ")}${dirty.length > 3 ? ", …" : ""}): commit or stash first, so that git can show and undo what ${command} changes.`;
    if (options.yes && !options.allowDirty) throw refusal("DIRTY_TREE", `${warning} Or pass --allow-dirty.`);
    if (!options.json) reporter.info(`${pc.yellow("!")} ${warning}`);
  }
  if (isInteractive(options) && !(await confirmWrite())) {
    reporter.info("Cancelled: nothing was changed.");
    return CANCELLED;
  }

  const resolutions = await resolveConflicts(conflicts, options);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const conflictWrites = conflicts.flatMap((file) => conflictWrite(file, resolutions.get(file.path)!, stamp));
  const left = conflicts.filter((file) => ["markers", "new-file"].includes(resolutions.get(file.path)!));
  const overwritten = conflicts.filter((file) => resolutions.get(file.path) === "theirs");
  const bookkeeping = overwritten.length > 0 ? [ignoreWrite()] : [];

  if (left.length > 0) {
    const state: Pending = {
      command,
      items: plan.items.map((item) => item.key),
      conflicts: left.map((file) => ({ path: file.path, style: resolutions.get(file.path) as "markers" | "new-file" })),
      manifest: plan.manifest,
      steps: stepsToRun(plan.steps, options),
      nextSteps: plan.nextSteps,
    };
    await applyWrites(project.root, [...writes.map(toWrite), ...conflictWrites, ...pendingWrites(state)]);
    reportOverwritten(overwritten, stamp, options, reporter);
    const message = pendingMessage(state, `${left.length === 1 ? "1 file conflicts" : `${left.length} files conflict`} with your edits`);
    if (options.json) printJson(failureResult("CONFLICT", message, { ...summary(plan, options), unresolved: state.conflicts }));
    else process.stderr.write(`${pc.red("✖")} ${message}\n`);
    return 1;
  }
  await applyWrites(project.root, [...writes.map(toWrite), ...conflictWrites, ...bookkeeping, manifestWrite(plan.manifest)]);
  reportOverwritten(overwritten, stamp, options, reporter);
  await clearRouteTypes(project.root, plan);
  return finish(project, { steps: stepsToRun(plan.steps, options), nextSteps: plan.nextSteps }, options, reporter, summary(plan, options));
}

type Command = "add" | "remove" | "update";
type Resolution = "markers" | "new-file" | "theirs" | "mine";

/** How each conflict is left: --force takes the new version; a terminal asks file by file; else --conflicts says. */
async function resolveConflicts(conflicts: readonly FileChange[], options: AddOptions): Promise<Map<string, Resolution>> {
  const resolutions = new Map<string, Resolution>();
  const clack = isInteractive(options) && !options.force && conflicts.length > 0 ? await import("@clack/prompts") : undefined;
  for (const file of conflicts) {
    if (options.force) resolutions.set(file.path, "theirs");
    else if (clack) {
      const answer = await clack.select<Resolution>({
        message: `${file.path}: ${file.reason ?? "your edits and the new version change the same lines"}`,
        options: [
          { value: "markers", label: "Merge with conflict markers", hint: "resolve in your editor, then --continue" },
          { value: "mine", label: "Keep mine", hint: "the new version is not taken" },
          { value: "theirs", label: "Take the new version", hint: "yours is kept under .craftjs/backup/" },
        ],
      });
      if (clack.isCancel(answer)) throw new CliError("Cancelled: nothing was changed.", CANCELLED);
      resolutions.set(file.path, answer);
    } else resolutions.set(file.path, options.conflicts);
  }
  return resolutions;
}

function conflictWrite(file: FileChange, resolution: Resolution, stamp: string): FileWrite[] {
  if (resolution === "mine") return [];
  if (resolution === "markers") return [{ path: file.path, content: file.markers! }];
  if (resolution === "new-file") return [{ path: `${file.path}.craftjs-new`, content: file.after! }];
  return [{ path: file.path, content: file.after!, keepAs: file.before === undefined ? undefined : backupPath(stamp, file.path) }];
}

function reportOverwritten(files: readonly FileChange[], stamp: string, options: AddOptions, reporter: Reporter): void {
  if (files.length === 0 || options.json) return;
  const lines = files.map((file) => `  ${file.path}: overwritten; your copy is ${backupPath(stamp, file.path)}`);
  reporter.info([pc.bold("Taken the new version of"), ...lines].join("\n"));
}

function pendingMessage(pending: Pick<Pending, "command" | "conflicts">, what: string): string {
  const files = pending.conflicts.map((conflict) =>
    conflict.style === "markers"
      ? `  ${conflict.path}: resolve the conflict markers`
      : `  ${conflict.path}: take what you want from ${conflict.path}.craftjs-new, then delete it`,
  );
  return (
    `${what}; every other change is written:\n${files.join("\n")}\n` +
    `Then run: create-craftjs ${pending.command} --continue (it writes craftjs.json, installs and migrates).`
  );
}

/** `--continue`: once no conflict is left, the manifest, then the install and migrations the stopped run planned. */
async function continueRun(project: Project, options: AddOptions, reporter: Reporter): Promise<number> {
  const pending = await readPending(project.root);
  if (!pending) throw refusal("NOTHING_TO_CONTINUE", `Nothing to continue in ${project.root}: no run stopped on conflicts.`);
  const left = await unresolved(project.root, pending, hasConflictMarkers);
  if (left.length > 0) {
    const message = `Still unresolved:\n${left.map((file) => `  ${file}`).join("\n")}\nResolve them and run create-craftjs ${pending.command} --continue again.`;
    throw new CliError(message, 1, "CONFLICT");
  }
  await applyWrites(project.root, [manifestWrite(pending.manifest), clearPending()]);
  if (!options.json) reporter.info(`Conflicts resolved: craftjs.json records create-craftjs ${pending.manifest.cliVersion}.`);
  const steps = pending.steps.filter((step) => (step.id === "install" ? options.install : options.migrate));
  return finish(project, { steps, nextSteps: pending.nextSteps }, options, reporter, { continued: true });
}

/** Runs the follow-up steps and says what is done, or what is left to run by hand. */
async function finish(
  project: Project,
  followUp: { steps: PlannedStep[]; nextSteps: string[] },
  options: AddOptions,
  reporter: Reporter,
  outcome: object,
): Promise<number> {
  let results: StepResult[] = [];
  const interrupts = watchInterrupts();
  try {
    results = await runSteps(followUp.steps, { ...options, cwd: project.root, reporter, signal: interrupts.signal });
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    reportStepFailure(error, followUp.steps, options, project);
    return error.interrupted ? interrupts.exitCode() : 1;
  } finally {
    interrupts.stop();
  }
  const byHand = followUp.steps.filter((step) => !results.some((result) => result.id === step.id && result.ok));
  if (options.json) {
    printJson({ ok: true, ...outcome, steps: results, finishByHand: byHand.map((step) => step.command.join(" ")) });
  } else {
    const lines = [...byHand.map((step) => step.command.join(" ")), ...followUp.nextSteps];
    reporter.info(`${pc.green("Done.")}${lines.length ? ` Next:\n${lines.map((line) => `  ${line}`).join("\n")}` : ""}`);
  }
  return 0;
}

/** Files git sees as changed or new in the project (its own folder aside); none outside a repository. */
async function uncommittedChanges(root: string): Promise<string[]> {
  const { execa } = await import("execa");
  const status = await execa("git", ["status", "--porcelain", "--untracked-files=normal", "--", "."], {
    cwd: root,
    reject: false,
    stdin: "ignore",
  });
  if (status.failed) return [];
  return status.stdout
    .split("\n")
    .map((line) => line.slice(3))
    .filter((file) => file !== "" && !file.startsWith(CRAFTJS_FOLDER));
}

/** After routes are deleted, Next's generated route types still name them until the next build: clear them. */
async function clearRouteTypes(root: string, plan: AddPlan): Promise<void> {
  const removedRoute = plan.files.some((file) => file.action === "delete" && /^src\/app\/.*\/(route|page)\.tsx?$/.test(file.path));
  if (!removedRoute) return;
  const fs = (await import("fs-extra")).default;
  for (const folder of [".next/types", ".next/dev/types"]) await fs.remove(path.join(root, folder));
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

/** One line per refused option of add or update: its flag and what is wrong. */
function formatAddIssues(error: z.ZodError, command: Command): string {
  const lines = error.issues.map((issue) => {
    const key = issue.path[0] as AddOptionKey;
    const flag = key in addOptionsObject.shape ? addMetaOf(key).flag.split(" ")[0] : String(key);
    return `  ${flag}: ${issue.message}.`;
  });
  const example = {
    add: "create-craftjs add api-keys --cwd my-app",
    remove: "create-craftjs remove payments --cwd my-app",
    update: "create-craftjs update --cwd my-app --diff",
  }[command];
  return `Invalid options:\n${lines.join("\n")}\n  Example: ${example}`;
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

function toWrite(file: FileChange): FileWrite {
  return { path: file.path, content: file.action === "delete" ? null : file.after! };
}

function manifestWrite(manifest: Manifest): FileWrite {
  return { path: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

/**
 * The follow-up steps this run makes: install unless --no-install; a migration unless --no-migrate, and only once
 * its tools are there (installed now or before).
 */
function stepsToRun(steps: readonly PlannedStep[], options: AddOptions): PlannedStep[] {
  return steps.filter((step) => {
    if (step.id === "install") return options.install;
    if (!options.migrate) return false;
    const installs = steps.some((other) => other.id === "install");
    return !installs || options.install;
  });
}

/** Install or migration failed or was interrupted: the files are written; say what is left to run. */
function reportStepFailure(error: StepError, steps: readonly PlannedStep[], options: AddOptions, project: Project): void {
  const done = new Set(error.completed.map((step) => step.id));
  const byHand = steps.filter((step) => !done.has(step.id)).map((step) => step.command.join(" "));
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
