import { constants } from "node:fs";
import { access, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import path from "node:path";
import { CliError } from "./errors.js";
import type { PlannedFile } from "./plan.js";

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
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { exists: false, conflicts: [] };
    throw error;
  }
  if (!info.isDirectory()) throw new CliError(`${directory} exists and is not a directory.`);
  const entries = await readdir(directory);
  return { exists: true, conflicts: entries.filter((entry) => !HARMLESS.has(entry)).sort() };
}

/** The closest existing ancestor of a path must be a writable directory; checked before anything is rendered. */
export async function assertWritableParent(directory: string): Promise<void> {
  let ancestor = path.dirname(directory);
  for (;;) {
    try {
      const info = await stat(ancestor);
      if (!info.isDirectory()) throw new CliError(`Cannot create ${directory}: ${ancestor} is not a directory.`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      ancestor = path.dirname(ancestor);
    }
  }
  try {
    await access(ancestor, constants.W_OK);
  } catch {
    throw new CliError(`Cannot create ${directory}: ${ancestor} is not writable.`);
  }
}

let pendingStaging: string | undefined;

/** Removes a half-written staging folder when the process is interrupted (Ctrl-C) mid-write. */
export function discardPendingWrite(): void {
  if (pendingStaging) rmSync(pendingStaging, { recursive: true, force: true });
  pendingStaging = undefined;
}

/**
 * Writes every file into a temporary sibling folder, then moves it into place: a new directory in one rename,
 * an existing one entry by entry, with the entries it replaces kept aside until the end and restored on failure.
 * A failure at any point leaves the target as it was.
 */
export async function writeAtomically(directory: string, files: readonly PlannedFile[]): Promise<void> {
  const parent = path.dirname(directory);
  await mkdir(parent, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot create ${parent}: ${error.code ?? error.message}`);
  });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(directory)}.craftjs-`)).catch(
    (error: NodeJS.ErrnoException) => {
      throw new CliError(`Cannot write in ${parent}: ${error.code ?? error.message}`);
    },
  );
  pendingStaging = staging;
  try {
    const content = path.join(staging, "project");
    await writeFiles(content, files);
    const target = await inspectTarget(directory);
    if (!target.exists) await rename(content, directory);
    else await moveEntries(content, directory, path.join(staging, "replaced"));
  } finally {
    await rm(staging, { recursive: true, force: true });
    pendingStaging = undefined;
  }
}

async function writeFiles(root: string, files: readonly PlannedFile[]): Promise<void> {
  const folders = new Set(files.map((file) => path.dirname(path.join(root, file.path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(files.map((file) => writeFile(path.join(root, file.path), file.content)));
}

async function moveEntries(from: string, to: string, aside: string): Promise<void> {
  await mkdir(aside);
  const moved: { entry: string; replaced: boolean }[] = [];
  try {
    for (const entry of await readdir(from)) {
      const destination = path.join(to, entry);
      const replaced = await exists(destination);
      if (replaced) await rename(destination, path.join(aside, entry));
      moved.push({ entry, replaced });
      await rename(path.join(from, entry), destination);
    }
  } catch (error) {
    for (const { entry, replaced } of moved.reverse()) {
      await rm(path.join(to, entry), { recursive: true, force: true });
      if (replaced) await rename(path.join(aside, entry), path.join(to, entry));
    }
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
