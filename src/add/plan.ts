import path from "node:path";
import fs from "fs-extra";
import { CliError } from "../errors.js";
import { buildManifest, type FileKind, hashContent, type Manifest, MANIFEST_FILE, UPDATE_HISTORY } from "../manifest.js";
import type { Choices } from "../options.js";
import { migrationSteps, type PlannedFile, type PlannedStep, type Rendering, renderProject } from "../plan.js";
import { installCommand } from "../package-manager.js";
import { CLI_VERSION } from "../version.js";
import { findCommittedVersion } from "./history.js";
import { applyItems, isRemoval, type RequestedItem } from "./items.js";
import { type DependencyChanges, mergeText, mergeWithMarkers } from "./merge.js";
import { mergeInto } from "./merged-files.js";
import type { Project } from "./project.js";

/**
 * What add does to one file. create: absent, written. update: untouched since the CLI wrote it, replaced.
 * merge: edited, the new version merged into the edits. skip: nothing to change (or deleted by the user and not
 * needed). conflict: edited where the new version changes too. delete: a replaced provider's file, untouched.
 * keep: a replaced provider's file the user edited, left in place.
 */
export type FileAction = "create" | "update" | "merge" | "skip" | "conflict" | "delete" | "keep";

export interface FileChange {
  path: string;
  action: FileAction;
  owner: string;
  kind: FileKind;
  /** The file on disk now; undefined when absent. */
  before?: string;
  /** What the file becomes (the merge result for `merge`, the new render for `conflict`). */
  after?: string;
  /** Why, for skip, conflict and keep. */
  reason?: string;
  /** For a conflict: the user's version and the new one merged, each region both changed between conflict markers. */
  markers?: string;
}

export interface AddPlan {
  root: string;
  items: RequestedItem[];
  choices: Choices;
  previousChoices: Choices;
  files: FileChange[];
  dependencies: DependencyChanges;
  scriptsAdded: string[];
  /** Variables added to .env.example and .env; those no item reads any more, out of .env.example, commented in .env. */
  env: { example: string[]; dotenv: string[]; retired: string[]; commentedOut: string[] };
  /** Install and migration commands the changes call for (before --no-install / --no-migrate). */
  steps: PlannedStep[];
  /** The manifest to write once the files are in. */
  manifest: Manifest;
  nextSteps: string[];
}

const SCHEMA_FOLDER = "src/lib/db/schema/";

/**
 * Computes every change add would make, reading the project but writing nothing: the plan --dry-run prints and
 * the writer applies. Files in scope: those the new choices render differently, those the requested items own, and
 * (when the project was made by another CLI version) every file the CLI writes.
 */
export async function planAdd(
  project: Project,
  items: RequestedItem[],
  { updating = false, regenerate = false }: { updating?: boolean; regenerate?: boolean } = {},
): Promise<AddPlan> {
  const { root, manifest } = project;
  const previousChoices = manifest.choices;
  const choices = applyItems(previousChoices, items);
  const previous = renderProject(manifest.name, previousChoices);
  const next = renderProject(manifest.name, choices);
  const previousByPath = byPath(previous.files);
  const requested = new Set(items.map((item) => item.key));
  // An update, or an add to a project an older CLI made: every file the CLI writes is brought to this version.
  const upgrading = updating || manifest.cliVersion !== CLI_VERSION;

  const files: FileChange[] = [];
  let dependencies: DependencyChanges = { added: {}, moved: [], kept: [], removed: [] };
  let scriptsAdded: string[] = [];
  const env = { example: [] as string[], dotenv: [] as string[], retired: [] as string[], commentedOut: [] as string[] };
  // The variables only the replaced providers read.
  const nextEnv = new Set(next.env.map((variable) => variable.name));
  const retiredEnv = previous.env.map((variable) => variable.name).filter((name) => !nextEnv.has(name));

  for (const file of next.files) {
    if (file.path === MANIFEST_FILE) continue;
    const old = previousByPath.get(file.path);
    const changedByChoice = old?.content !== file.content;
    const needed = requested.has(file.owner) || changedByChoice;
    if (file.kind !== "merged" && !needed && !upgrading) continue;
    const before = await readIfPresent(path.join(root, file.path));
    const change: FileChange = { path: file.path, action: "skip", owner: file.owner, kind: file.kind, before };
    files.push(change);
    if (file.kind === "merged") {
      const merged = await mergeInto(file.path, before, {
        root,
        manifest,
        upgrading,
        previous: previousByPath.get(file.path)?.content,
        next,
        choices,
        retiredEnv,
        why: commandOf(items),
      });
      if (merged.content === undefined) change.reason = merged.reason;
      else setAction(change, before === undefined ? "create" : "merge", merged.content);
      if (merged.dependencies) dependencies = merged.dependencies;
      if (merged.scriptsAdded) scriptsAdded = merged.scriptsAdded;
      Object.assign(env, merged.env);
      continue;
    }
    // `add <route> --force`: the route's files come from the template again, the user's copies kept aside.
    const regenerated = regenerate && items.some((item) => item.kind === "route" && item.key === file.owner);
    await decide(change, file, { root, manifest, base: old?.content, needed, regenerated });
  }

  const keptSchema: string[] = [];
  for (const [filePath, entry] of Object.entries(manifest.files)) {
    if (filePath === MANIFEST_FILE || next.files.some((file) => file.path === filePath)) continue;
    const before = await readIfPresent(path.join(root, filePath));
    if (before === undefined) continue;
    const pristine = entry.hash === hashContent(before);
    // A removed item's tables keep their data: its schema module stays, exported, until the user drops it.
    const schema = filePath.startsWith(SCHEMA_FOLDER);
    if (schema) keptSchema.push(path.posix.basename(filePath, path.posix.extname(filePath)));
    files.push({
      path: filePath,
      owner: entry.owner,
      kind: entry.kind,
      before,
      action: pristine && !schema ? "delete" : "keep",
      reason: schema
        ? "its tables keep their data: delete it and its line in schema/index.ts, then run db:generate, to drop them"
        : pristine
          ? undefined
          : "no longer written by the CLI, and you edited it: left for you to remove",
    });
  }
  keepSchemaExports(files, keptSchema);

  return {
    root,
    items,
    choices,
    previousChoices,
    files: files.sort((a, b) => a.path.localeCompare(b.path)),
    dependencies,
    scriptsAdded,
    env,
    steps: followUpSteps(next, files, dependencies, items),
    manifest: nextManifest(manifest, next, files),
    nextSteps: newNextSteps(previous, next),
  };
}

/** The schema index keeps exporting the modules kept for their data, so no migration drops their tables. */
function keepSchemaExports(files: FileChange[], modules: readonly string[]): void {
  const index = files.find((file) => file.path === `${SCHEMA_FOLDER}index.ts`);
  if (!index || modules.length === 0) return;
  const content = index.after ?? index.before ?? "";
  const missing = modules.filter((module) => !content.includes(`export * from "./${module}";`));
  if (missing.length === 0) return;
  const kept = content + missing.map((module) => `export * from "./${module}";\n`).join("");
  if (index.action === "conflict") index.markers = (index.markers ?? "") + missing.map((module) => `export * from "./${module}";\n`).join("");
  else setAction(index, index.action === "skip" ? "update" : index.action, kept);
  index.after = kept;
}

function setAction(change: FileChange, action: FileAction, after: string): void {
  if (after === change.before) return;
  change.action = action;
  change.after = after;
}

/** One owned or aggregate file: create, update, merge, skip or conflict. */
async function decide(
  change: FileChange,
  file: PlannedFile,
  context: { root: string; manifest: Manifest; base: string | undefined; needed: boolean; regenerated: boolean },
): Promise<void> {
  const { before } = change;
  const recorded = context.manifest.files[file.path]?.hash;
  if (before === undefined) {
    if (recorded && !context.needed) change.reason = "you deleted it";
    else setAction(change, "create", file.content);
    return;
  }
  if (before === file.content) return;
  if (recorded === hashContent(before)) return setAction(change, "update", file.content);
  const base = await baseVersion(file.path, recorded, context);
  if (context.regenerated) return setConflict(change, base ?? "", file.content, "regenerated from the template (--force)");
  if (base === undefined) {
    const reason = recorded
      ? "you edited it, and the version the CLI wrote is not at hand to merge against"
      : "a file of yours is where the CLI writes this one";
    return setConflict(change, "", file.content, reason);
  }
  const merged = mergeText(before, base, file.content, { unionInsertions: file.kind === "aggregate" });
  if (merged.clean) setAction(change, "merge", merged.content);
  else setConflict(change, base, file.content, "your edits and the new version change the same lines");
}

function setConflict(change: FileChange, base: string, theirs: string, reason: string): void {
  change.action = "conflict";
  change.after = theirs;
  change.reason = reason;
  change.markers = mergeWithMarkers(change.before ?? "", base, theirs, `create-craftjs ${CLI_VERSION}`);
}

/**
 * The content the CLI wrote, as the three-way merge's base: today's render of the recorded choices when its hash is
 * the recorded one (same CLI version), else the committed version with that hash from the project's git history.
 */
async function baseVersion(
  filePath: string,
  recorded: string | undefined,
  { root, base }: { root: string; base: string | undefined },
): Promise<string | undefined> {
  if (!recorded) return undefined;
  if (base !== undefined && hashContent(base) === recorded) return base;
  return findCommittedVersion(root, filePath, recorded);
}

/** Install when dependencies changed; a new migration when the schema did (never an edit of an existing one). */
function followUpSteps(
  next: Rendering,
  files: readonly FileChange[],
  dependencies: DependencyChanges,
  items: readonly RequestedItem[],
): PlannedStep[] {
  const pm = next.choices.packageManager;
  const steps: PlannedStep[] = [];
  const dependenciesChanged =
    Object.keys(dependencies.added).length > 0 || dependencies.moved.length > 0 || dependencies.removed.length > 0;
  if (dependenciesChanged) steps.push({ id: "install", title: "Installing dependencies", command: installCommand(pm) });
  const schemaChanged = files.some((file) => file.path.startsWith(SCHEMA_FOLDER) && isWrite(file.action));
  if (schemaChanged) steps.push(...migrationSteps(pm, migrationName(items)));
  return steps;
}

/** `add_api_keys`, `remove_payments`, `update_0_4_0`: what a migration made by add, remove or update is called. */
export function migrationName(items: readonly RequestedItem[]): string {
  const name = items.length > 0 ? `${verbOf(items)}_${items.map((item) => item.key).join("_")}` : `update_${CLI_VERSION}`;
  return name.replace(/[^a-z0-9_]+/gi, "_").slice(0, 60);
}

/** The command that makes these changes, as a user would type it. */
function commandOf(items: readonly RequestedItem[]): string {
  return items.length > 0 ? `create-craftjs ${verbOf(items)} ${items.map((item) => item.key).join(" ")}` : "create-craftjs update";
}

function verbOf(items: readonly RequestedItem[]): "add" | "remove" {
  return isRemoval(items) ? "remove" : "add";
}

export function isWrite(action: FileAction): boolean {
  return action === "create" || action === "update" || action === "merge" || action === "delete";
}

/**
 * The manifest after add: the new choices, and for each file the CLI now writes the hash of its new render (what a
 * later add compares against); files left out of scope keep their entry, deleted ones lose it.
 */
function nextManifest(manifest: Manifest, next: Rendering, changes: readonly FileChange[]): Manifest {
  const inScope = new Set(changes.map((change) => change.path));
  const rebuilt = buildManifest(next.name, next.choices, next.files.filter((file) => file.path !== MANIFEST_FILE));
  const files: Manifest["files"] = {};
  for (const [filePath, entry] of Object.entries(rebuilt.files)) {
    const recorded = manifest.files[filePath];
    files[filePath] = inScope.has(filePath) || !recorded ? entry : { ...entry, hash: recorded.hash };
  }
  for (const change of changes) {
    if (change.action === "keep") files[change.path] = manifest.files[change.path]!;
  }
  const updates = manifest.updates ?? [];
  if (manifest.cliVersion !== CLI_VERSION) updates.push({ from: manifest.cliVersion, to: CLI_VERSION, at: new Date().toISOString() });
  return { ...rebuilt, files, ...(updates.length > 0 ? { updates: updates.slice(-UPDATE_HISTORY) } : {}) };
}

/** The next steps the added items bring (those the project already had were printed when it was made). */
function newNextSteps(previous: Rendering, next: Rendering): string[] {
  const known = new Set(previous.nextSteps);
  return next.nextSteps.filter((step) => !known.has(step));
}

function byPath(files: readonly PlannedFile[]): Map<string, PlannedFile> {
  return new Map(files.map((file) => [file.path, file]));
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new CliError(`Cannot read ${file} (${code ?? (error as Error).message}). Nothing was changed.`);
  }
}
