import path from "node:path";
import fs from "fs-extra";
import { CliError } from "../errors.js";
import { buildManifest, type FileKind, hashContent, type Manifest, MANIFEST_FILE } from "../manifest.js";
import type { Choices } from "../options.js";
import { migrationSteps, type PlannedFile, type PlannedStep, type Rendering, renderProject } from "../plan.js";
import { installCommand } from "../package-manager.js";
import { CLI_VERSION } from "../version.js";
import { findCommittedVersion } from "./history.js";
import { applyItems, type RequestedItem } from "./items.js";
import { appendEnv, appendEnvExample, type DependencyChanges, mergePackageJson, mergeText } from "./merge.js";
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
}

export interface AddPlan {
  root: string;
  items: RequestedItem[];
  choices: Choices;
  previousChoices: Choices;
  files: FileChange[];
  dependencies: DependencyChanges;
  scriptsAdded: string[];
  env: { example: string[]; dotenv: string[] };
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
export async function planAdd(project: Project, items: RequestedItem[]): Promise<AddPlan> {
  const { root, manifest } = project;
  const previousChoices = manifest.choices;
  const choices = applyItems(previousChoices, items);
  const previous = renderProject(manifest.name, previousChoices);
  const next = renderProject(manifest.name, choices);
  const previousByPath = byPath(previous.files);
  const requested = new Set(items.map((item) => item.key));
  const upgrading = manifest.cliVersion !== CLI_VERSION;

  const files: FileChange[] = [];
  let dependencies: DependencyChanges = { added: {}, kept: [], removed: [] };
  let scriptsAdded: string[] = [];
  const env = { example: [] as string[], dotenv: [] as string[] };

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
      if (before === undefined) {
        if (file.path === ".env") change.reason = "no .env: set the new variables in your environment";
        else setAction(change, "create", file.content);
        continue;
      }
      if (file.path === "package.json") {
        assertValidJson(before, path.join(root, file.path));
        const merged = mergePackageJson(before, JSON.parse(previousByPath.get(file.path)!.content), JSON.parse(file.content));
        ({ changes: dependencies, scriptsAdded } = merged);
        setAction(change, "merge", merged.content);
      } else if (file.path === ".env.example") {
        const merged = appendEnvExample(before, next.env);
        env.example = merged.added;
        setAction(change, "merge", merged.content);
      } else {
        const merged = appendEnv(before, next.env, { name: manifest.name, options: { ...choices } });
        env.dotenv = merged.added;
        setAction(change, "merge", merged.content);
      }
      continue;
    }
    await decide(change, file, { root, manifest, base: old?.content, needed });
  }

  for (const [filePath, entry] of Object.entries(manifest.files)) {
    if (filePath === MANIFEST_FILE || next.files.some((file) => file.path === filePath)) continue;
    const before = await readIfPresent(path.join(root, filePath));
    if (before === undefined) continue;
    const pristine = entry.hash === hashContent(before);
    files.push({
      path: filePath,
      owner: entry.owner,
      kind: entry.kind,
      before,
      action: pristine ? "delete" : "keep",
      reason: pristine ? undefined : "no longer written by the CLI, and you edited it: left for you to remove",
    });
  }

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

function setAction(change: FileChange, action: FileAction, after: string): void {
  if (after === change.before) return;
  change.action = action;
  change.after = after;
}

/** One owned or aggregate file: create, update, merge, skip or conflict. */
async function decide(
  change: FileChange,
  file: PlannedFile,
  context: { root: string; manifest: Manifest; base: string | undefined; needed: boolean },
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
  if (base === undefined) {
    change.action = "conflict";
    change.after = file.content;
    change.reason = recorded
      ? "you edited it, and the version the CLI wrote is not at hand to merge against"
      : "a file of yours is where the CLI writes this one";
    return;
  }
  const merged = mergeText(before, base, file.content, { unionInsertions: file.kind === "aggregate" });
  if (merged.clean) setAction(change, "merge", merged.content);
  else {
    change.action = "conflict";
    change.after = file.content;
    change.reason = "your edits and the new version change the same lines";
  }
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
  const dependenciesChanged = Object.keys(dependencies.added).length > 0 || dependencies.removed.length > 0;
  if (dependenciesChanged) steps.push({ id: "install", title: "Installing dependencies", command: installCommand(pm) });
  const schemaChanged = files.some((file) => file.path.startsWith(SCHEMA_FOLDER) && isWrite(file.action));
  if (schemaChanged) steps.push(...migrationSteps(pm, migrationName(items)));
  return steps;
}

/** `add_api_keys`, `add_ratelimit_redis`: what a migration made by add is called in drizzle/. */
export function migrationName(items: readonly RequestedItem[]): string {
  return `add_${items.map((item) => item.key).join("_")}`.replace(/[^a-z0-9_]+/gi, "_").slice(0, 60);
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
  return { ...rebuilt, files };
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

function assertValidJson(content: string, where: string): void {
  try {
    JSON.parse(content);
  } catch (error) {
    throw new CliError(`${where} is not valid JSON (${(error as Error).message}). Fix it and run add again; nothing was changed.`);
  }
}
