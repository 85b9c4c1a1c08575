import { copyFile, lstat, mkdir, mkdtemp, readdir, readlink, rename, rm, rmdir, stat } from "node:fs/promises";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CliError, refusal, signalExitCode } from "./errors.js";
import { watchInterrupts } from "./interrupt.js";
import type { PlannedFile } from "./plan.js";

/** What the writer needs of a planned file. */
export type FileToWrite = Pick<PlannedFile, "path" | "content">;

/** A change to a file of an existing project: new content, or null to delete; `keepAs` copies the current one first. */
export interface FileWrite {
  path: string;
  content: string | null;
  keepAs?: string;
}

/** Files that may already sit in a target directory without making it "non-empty". */
const HARMLESS = new Set([
  ".git",
  ".DS_Store",
  "Thumbs.db",
  "LICENSE",
  "LICENSE.md",
  ".idea",
  ".vscode",
  ".gitattributes",
  // What a freshly formatted ext2/3/4 disk holds: a mounted disk as the target is empty with it.
  "lost+found",
]);

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
    if (code === "ENOENT") return assertNotDanglingLink(directory);
    if (code === "ENOTDIR") throw refusal("UNWRITABLE", `Cannot create ${directory}: a folder on its path is a file.`);
    throw plainWriteError(directory, error);
  }
  if (!info.isDirectory()) throw refusal("UNWRITABLE", `${directory} exists and is not a directory.`);
  const entries = await readdir(directory);
  return { exists: true, conflicts: entries.filter((entry) => !HARMLESS.has(entry)).sort() };
}

/** A path that stat cannot find is absent, unless it is a symbolic link to nothing: no folder can be made there. */
async function assertNotDanglingLink(directory: string): Promise<TargetState> {
  const info = await lstat(directory).catch(() => undefined);
  if (info?.isSymbolicLink()) {
    throw refusal("UNWRITABLE", `${directory} is a symbolic link to ${await readlink(directory)}, which does not exist.`);
  }
  return { exists: false, conflicts: [] };
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
      if (code !== "ENOENT") throw plainWriteError(directory, error);
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
  // Ctrl-C between making and removing the probe would leave it behind: signals wait until it is gone.
  const interrupts = watchInterrupts();
  try {
    await rmdir(await mkdtemp(path.join(ancestor, ".craftjs-probe-")));
  } catch (error) {
    throw refusal("UNWRITABLE", `Cannot create ${directory}: ${ancestor} is not writable (${(error as NodeJS.ErrnoException).code}).`);
  } finally {
    interrupts.stop();
  }
  if (interrupts.signal.aborted) throw new CliError("Interrupted: nothing was written.", interrupts.exitCode(), "CANCELLED");
}

/** The planned files that already exist in `directory`: what writing there (with --force) replaces. */
export async function existingFiles(directory: string, files: readonly FileToWrite[]): Promise<string[]> {
  const present = await Promise.all(files.map((file) => exists(path.join(directory, file.path))));
  return files.filter((_, index) => present[index]).map((file) => file.path);
}

/**
 * The folder, inside the target, where a run stages its files. Making it is also the lock: a second run writing the
 * same directory at the same time cannot make it and stops, instead of writing over the first one's project.
 */
export const STAGING_FOLDER = ".craftjs-staging";

/**
 * Writes every file into a staging folder inside the target, then moves each into place. Staging inside the target
 * keeps every move on one filesystem, so a target that is a mount point (a Docker volume, `.` inside a mounted disk)
 * works. A target it had to create is removed again on failure; in an existing one, the files it replaces are kept
 * aside until the end and restored on failure (files the plan does not name are never touched). A failure at any
 * point, or `signal` aborting (Ctrl-C) before the last file is in place, leaves everything as it was, and is a
 * CliError in one sentence. `mustBeEmpty` (create without --force): refuse if the target filled up since it was
 * inspected.
 */
export async function writeAtomically(
  directory: string,
  files: readonly FileToWrite[],
  { signal, mustBeEmpty = false }: { signal?: AbortSignal; mustBeEmpty?: boolean } = {},
): Promise<void> {
  const createdParents = await createMissingFolders(path.dirname(directory));
  let createdTarget = false;
  let staging: string | undefined;
  let placed = false;
  try {
    createdTarget = await createTarget(directory);
    staging = await lockTarget(directory);
    if (mustBeEmpty) await assertStillEmpty(directory);
    const content = path.join(staging, "project");
    writeFiles(content, files);
    stopIfInterrupted(signal);
    await placeFiles(content, directory, path.join(staging, "replaced"), files, signal);
    placed = true;
  } catch (error) {
    throw plainWriteError(directory, error);
  } finally {
    // A target this run made goes again, but only while this run holds it: else it is another run's, or empty.
    if (!placed && createdTarget && staging) await rm(directory, { recursive: true, force: true });
    else if (!placed && createdTarget) await rmdir(directory).catch(() => {});
    else if (staging) await rm(staging, { recursive: true, force: true });
    if (!placed) await removeFolders(createdParents);
  }
}

/**
 * Changes an existing project (add, update) all or nothing, through the same staging folder and lock as a new one:
 * a failure moves every replaced or deleted file back. Ctrl-C is held off while the files move (milliseconds), so a
 * change is never left half made. Folders a deletion empties are removed.
 */
export async function applyWrites(root: string, writes: readonly FileWrite[]): Promise<void> {
  const staging = await lockTarget(root).catch((error: unknown) => {
    if (error instanceof CliError) throw error;
    throw refusal("UNWRITABLE", `Cannot write in ${root}: ${(error as NodeJS.ErrnoException).code ?? error}. Nothing was changed.`);
  });
  const holdOff = () => {};
  process.on("SIGINT", holdOff);
  try {
    writeFiles(path.join(staging, "project"), writes);
    await placeFiles(path.join(staging, "project"), root, path.join(staging, "replaced"), writes, undefined);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw refusal("UNWRITABLE", `Writing the changes failed (${reason}); every file was restored as it was.`);
  } finally {
    await rm(staging, { recursive: true, force: true });
    process.off("SIGINT", holdOff);
  }
  for (const write of writes) {
    if (write.content === null) await removeEmptyFolders(path.dirname(path.join(root, write.path)), root);
  }
}

/** The folders a deletion left empty, from the file's up to (not including) the project's. */
async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  for (let current = folder; current.startsWith(root) && current !== root; current = path.dirname(current)) {
    if ((await readdir(current).catch(() => ["?"])).length > 0) return;
    await rmdir(current).catch(() => {});
  }
}

/** Makes the target folder; false when it already exists (it is then written into). */
async function createTarget(directory: string): Promise<boolean> {
  try {
    await mkdir(directory);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if ((await inspectTarget(directory)).exists) return false;
    throw refusal("UNWRITABLE", `Cannot create ${directory}: something that is not a folder is in the way.`);
  }
}

/** Makes the staging folder, which only one run can hold at a time; its path. */
async function lockTarget(directory: string): Promise<string> {
  const staging = path.join(directory, STAGING_FOLDER);
  try {
    await mkdir(staging);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw refusal(
      "UNWRITABLE",
      `Another create-craftjs is writing to ${directory} right now (it holds ${staging}), so this one wrote nothing; ` +
        "if none is running, delete that folder and try again.",
    );
  }
  return staging;
}

/** Once the target is ours: someone else wrote into it since it was found empty, so the user's choice no longer holds. */
async function assertStillEmpty(directory: string): Promise<void> {
  const conflicts = (await inspectTarget(directory)).conflicts.filter((entry) => entry !== STAGING_FOLDER);
  if (conflicts.length === 0) return;
  throw refusal(
    "TARGET_NOT_EMPTY",
    `${directory} was filled by something else (${conflicts.slice(0, 3).join(", ")}) while this run was starting, so it wrote nothing.`,
    { directory, conflicts },
  );
}

/** What a failed write says: a CliError as it is, a file system error as one sentence without a stack trace. */
function plainWriteError(directory: string, error: unknown): unknown {
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error;
  const reason = ERRNO_REASONS[code] ?? (error as Error).message;
  return refusal("UNWRITABLE", `Nothing was written to ${directory}: ${reason}.`, { errno: code });
}

/** The file system errors a person meets when writing, in words. */
const ERRNO_REASONS: Readonly<Record<string, string>> = {
  ENOSPC: "the disk is full (ENOSPC)",
  EDQUOT: "the disk quota is used up (EDQUOT)",
  EROFS: "the file system is read-only (EROFS)",
  EACCES: "permission denied (EACCES)",
  EPERM: "operation not permitted (EPERM)",
  EMFILE: "too many open files (EMFILE)",
  ENAMETOOLONG: "a path is too long (ENAMETOOLONG)",
};

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

/**
 * Stages every new content under `root` (deletions stage nothing). Synchronously: each asynchronous call is a round
 * trip through libuv's thread pool, and for some 300 small files those hand-offs cost more system CPU than the
 * writes themselves (futex and epoll calls outnumbered the file calls 5 to 1 in strace).
 */
function writeFiles(root: string, files: readonly FileWrite[]): void {
  const written = files.filter((file): file is FileToWrite => file.content !== null);
  for (const folder of new Set(written.map((file) => path.dirname(path.join(root, file.path))))) {
    mkdirSync(folder, { recursive: true });
  }
  for (const file of written) writeFileSync(path.join(root, file.path), file.content);
}

/**
 * Moves each staged file into the target (a deletion only moves the current file aside), undoing every step if one
 * fails or the run is interrupted. What the target has nothing of yet (a new project's every folder) moves as one
 * folder: a rename each instead of one per file.
 */
async function placeFiles(
  from: string,
  to: string,
  aside: string,
  files: readonly FileWrite[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const undo: (() => Promise<void>)[] = [];
  try {
    for (const [entry, group] of byTopLevelEntry(files)) {
      stopIfInterrupted(signal);
      const destination = path.join(to, entry);
      if (group.every((file) => file.content !== null && !file.keepAs) && !(await exists(destination))) {
        await rename(path.join(from, entry), destination);
        undo.push(() => rm(destination, { recursive: true, force: true }));
      } else {
        for (const file of group) {
          stopIfInterrupted(signal);
          await placeFile(from, to, aside, file, undo);
        }
      }
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => {});
    throw error;
  }
}

/** The files by the entry of the target they are in (`src` for src/app/page.tsx), in their order. */
function byTopLevelEntry(files: readonly FileWrite[]): Map<string, FileWrite[]> {
  const groups = new Map<string, FileWrite[]>();
  for (const file of files) {
    const entry = file.path.split("/", 1)[0]!;
    const group = groups.get(entry);
    if (group) group.push(file);
    else groups.set(entry, [file]);
  }
  return groups;
}

/** Moves one staged file into place (the current one aside first), recording how to undo each step. */
async function placeFile(from: string, to: string, aside: string, file: FileWrite, undo: (() => Promise<void>)[]) {
  const destination = path.join(to, file.path);
  if (file.keepAs) {
    const copy = path.join(to, file.keepAs);
    for (const folder of await createMissingFolders(path.dirname(copy))) undo.push(() => rmdir(folder));
    await copyFile(destination, copy);
    undo.push(() => rm(copy, { force: true }));
  }
  if (await exists(destination)) {
    const kept = path.join(aside, file.path);
    await mkdir(path.dirname(kept), { recursive: true });
    await rename(destination, kept);
    undo.push(() => rename(kept, destination));
  }
  if (file.content === null) return;
  for (const folder of await createMissingFolders(path.dirname(destination))) undo.push(() => rmdir(folder));
  await rename(path.join(from, file.path), destination);
  undo.push(() => rm(destination, { force: true }));
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
