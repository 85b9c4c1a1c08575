import path from "node:path";
import fs from "fs-extra";
import { CliError } from "../errors.js";

/** One file write: new content, or null to delete; `keepAs` saves the current content under another name first. */
export interface FileWrite {
  path: string;
  content: string | null;
  keepAs?: string;
}

/**
 * Applies every write or none: the new contents are staged inside the project first, each replaced file is moved
 * aside, and any failure moves everything back. Ctrl-C waits for the writes (milliseconds) and rolls nothing half.
 */
export async function applyWrites(root: string, writes: readonly FileWrite[]): Promise<void> {
  const staging = await fs.mkdtemp(path.join(root, ".craftjs-add-")).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot write in ${root}: ${error.code ?? error.message}. Nothing was changed.`);
  });
  const ignoreInterrupt = () => {};
  process.on("SIGINT", ignoreInterrupt);
  const undo: (() => Promise<void>)[] = [];
  try {
    for (const [index, write] of writes.entries()) {
      if (write.content !== null) await fs.outputFile(path.join(staging, "new", String(index)), write.content);
    }
    for (const [index, write] of writes.entries()) {
      const target = path.join(root, write.path);
      if (write.keepAs) {
        const kept = path.join(root, write.keepAs);
        await fs.copy(target, kept, { overwrite: true });
        undo.push(() => fs.remove(kept));
      }
      if (await fs.pathExists(target)) {
        const aside = path.join(staging, "old", String(index));
        await fs.move(target, aside);
        undo.push(() => fs.move(aside, target, { overwrite: true }));
      }
      if (write.content !== null) {
        const missing = await missingFolders(path.dirname(target), root);
        await fs.ensureDir(path.dirname(target));
        undo.push(async () => {
          for (const folder of missing.reverse()) await fs.rmdir(folder).catch(() => {});
        });
        await fs.move(path.join(staging, "new", String(index)), target);
        undo.push(() => fs.remove(target));
      }
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => {});
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(`Writing the changes failed (${reason}); every file was restored as it was.`);
  } finally {
    await fs.remove(staging);
    process.off("SIGINT", ignoreInterrupt);
  }
  for (const write of writes) if (write.content === null) await removeEmptyFolders(path.dirname(path.join(root, write.path)), root);
}

/** The folders a deletion left empty, from the file's up to (not including) the project's. */
async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  for (let current = folder; current.startsWith(root) && current !== root; current = path.dirname(current)) {
    if ((await fs.readdir(current).catch(() => ["?"])).length > 0) return;
    await fs.rmdir(current).catch(() => {});
  }
}

/** The folders between `root` and `folder` that do not exist yet, outermost first. */
async function missingFolders(folder: string, root: string): Promise<string[]> {
  const missing: string[] = [];
  for (let current = folder; current.startsWith(root) && current !== root; current = path.dirname(current)) {
    if (await fs.pathExists(current)) break;
    missing.unshift(current);
  }
  return missing;
}
