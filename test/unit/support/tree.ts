import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** Every file under a directory, as sorted relative paths with "/" separators. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * A byte-exact picture of a directory: every entry (files, folders, symlinks) by relative path, with the content of
 * files. Two snapshots are equal only if nothing was added, removed or changed.
 */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full).split(path.sep).join("/");
    if (entry.isFile()) snapshot[relative] = `file:${(await readFile(full)).toString("base64")}`;
    else if (entry.isDirectory()) snapshot[relative] = "dir";
    else snapshot[relative] = `other:${(await stat(full)).mode}`;
  }
  return Object.fromEntries(Object.entries(snapshot).sort(([a], [b]) => a.localeCompare(b)));
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Leftover staging folders of writeAtomically (`.<name>.craftjs-XXXXXX`) in a parent directory. */
export async function stagingLeftovers(parent: string): Promise<string[]> {
  return (await readdir(parent)).filter((entry) => /^\..*\.craftjs-/.test(entry));
}

/** Writes files (relative path → content) under root, creating their folders. */
export async function writeTree(root: string, tree: Record<string, string>): Promise<void> {
  for (const [relative, content] of Object.entries(tree)) {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), content);
  }
}
