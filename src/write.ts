import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliError, refusal, signalExitCode } from "./errors.js";
import type { PlannedFile } from "./plan.js";

/** What the writer needs of a planned file. */
export type FileToWrite = Pick<PlannedFile, "path" | "content">;

/** Files that may already sit in a target directory without making it "non-empty". */
const HARMLESS = new Set([".git", ".DS_Store", "Thumbs.db", "LICENSE", "LICENSE.md", ".idea", ".vscode", ".gitattributes"]);

export interface TargetState {
  exists: boolean;
  /** Entries that are not harmless: a reason to refuse without --force. */
  conflicts: string[];
}

export async function inspectTarget(directory: string): Promise<TargetState> {
  let info;
  try {
    info = await stat(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { exists: false, conflicts: [] };
    if (code === "ENOTDIR") throw refusal("UNWRITABLE", `Cannot create ${directory}: a folder on its path is a file.`);
    throw error;
  }
  if (!info.isDirectory()) throw refusal("UNWRITABLE", `${directory} exists and is not a directory.`);
  const entries = await readdir(directory);
  return { exists: true, conflicts: entries.filter((entry) => !HARMLESS.has(entry)).sort() };
}

/** The closest folder on a path that exists; a file on the way is a CliError. */
async function closestExistingFolder(directory: string): Promise<string> {
  let ancestor = path.dirname(directory);
  for (;;) {
    try {
      if ((await stat(ancestor)).isDirectory()) return ancestor;
      throw refusal("UNWRITABLE", `Cannot create ${directory}: ${ancestor} is not a directory.`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR") throw refusal("UNWRITABLE", `Cannot create ${directory}: a folder on its path is a file.`);
      if (code !== "ENOENT") throw error;
      ancestor = path.dirname(ancestor);
    }
  }
}

/**
 * Refuses, before anything is rendered, a target whose closest existing ancestor cannot take a new folder. It tries
 * for real (a permission check says yes to root even on read-only or virtual filesystems such as /proc).
 */
export async function assertWritableParent(directory: string): Promise<void> {
  const ancestor = await closestExistingFolder(directory);
  try {
    await rmdir(await mkdtemp(path.join(ancestor, ".craftjs-probe-")));
  } catch (error) {
    throw refusal("UNWRITABLE", `Cannot create ${directory}: ${ancestor} is not writable (${(error as NodeJS.ErrnoException).code}).`);
  }
}

/** The planned files that already exist in `directory`: what writing there (with --force) replaces. */
export async function existingFiles(directory: string, files: readonly FileToWrite[]): Promise<string[]> {
  const present = await Promise.all(files.map((file) => exists(path.join(directory, file.path))));
  return files.filter((_, index) => present[index]).map((file) => file.path);
}

/**
 * Writes every file into a temporary sibling folder, then moves it into place: a new directory in one rename; into an
 * existing one file by file, with the files it replaces kept aside until the end and restored on failure (files the
 * plan does not name are never touched). A failure at any point, or `signal` aborting (Ctrl-C) before the last file
 * is in place, leaves the target as it was.
 */
export async function writeAtomically(
  directory: string,
  files: readonly FileToWrite[],
  { signal }: { signal?: AbortSignal } = {},
): Promise<void> {
  const createdParents = await createMissingFolders(path.dirname(directory));
  const parent = path.dirname(directory);
  const staging = await mkdtemp(path.join(parent, `.${path.basename(directory)}.craftjs-`)).catch(
    (error: NodeJS.ErrnoException) => {
      throw refusal("UNWRITABLE", `Cannot write in ${parent}: ${error.code ?? error.message}`);
    },
  );
  let placed = false;
  try {
    const content = path.join(staging, "project");
    await writeFiles(content, files);
    stopIfInterrupted(signal);
    const target = await inspectTarget(directory);
    if (!target.exists) await rename(content, directory);
    else await mergeFiles(content, directory, path.join(staging, "replaced"), files, signal);
    placed = true;
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (!placed) await removeFolders(createdParents);
  }
}

/** Creates each missing folder of a path, one level at a time (a recursive mkdir can spin forever on /proc). */
async function createMissingFolders(folder: string): Promise<string[]> {
  const missing: string[] = [];
  for (let current = folder; !(await isFolder(current)); current = path.dirname(current)) missing.unshift(current);
  const created: string[] = [];
  try {
    for (const level of missing) {
      await mkdir(level);
      created.push(level);
    }
  } catch (error) {
    await removeFolders(created);
    throw refusal("UNWRITABLE", `Cannot create ${folder}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return created;
}

async function removeFolders(folders: readonly string[]): Promise<void> {
  for (const folder of [...folders].reverse()) await rmdir(folder).catch(() => {});
}

async function writeFiles(root: string, files: readonly FileToWrite[]): Promise<void> {
  const folders = new Set(files.map((file) => path.dirname(path.join(root, file.path))));
  await settleAll([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await settleAll(files.map((file) => writeFile(path.join(root, file.path), file.content)));
}

/** Like Promise.all, but rejects only once every operation has ended, so none is still writing during cleanup. */
async function settleAll(operations: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(operations)).find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
}

/** Moves each planned file into an existing target, undoing every move if one fails or the run is interrupted. */
async function mergeFiles(
  from: string,
  to: string,
  aside: string,
  files: readonly FileToWrite[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const undo: (() => Promise<void>)[] = [];
  try {
    for (const file of files) {
      stopIfInterrupted(signal);
      const destination = path.join(to, file.path);
      for (const folder of await createMissingFolders(path.dirname(destination))) {
        undo.push(() => rmdir(folder));
      }
      if (await exists(destination)) {
        const kept = path.join(aside, file.path);
        await mkdir(path.dirname(kept), { recursive: true });
        await rename(destination, kept);
        undo.push(() => rename(kept, destination));
      }
      await rename(path.join(from, file.path), destination);
      undo.push(() => rm(destination, { force: true }));
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => {});
    throw error;
  }
}

async function isFolder(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Ctrl-C before the project is in place: everything staged is dropped, the target stays as it was. */
function stopIfInterrupted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw new CliError("Interrupted: nothing was written.", signalExitCode(signal.reason as NodeJS.Signals), "CANCELLED");
}
