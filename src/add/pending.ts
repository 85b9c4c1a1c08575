import path from "node:path";
import fs from "fs-extra";
import { z } from "zod";
import { CliError } from "../errors.js";
import { manifestSchema } from "../manifest.js";
import type { FileWrite } from "../write.js";

/**
 * The CLI's own folder in a project: what a run stopped on conflicts still has to do, and the copies `--force` kept of
 * the user's files. It ignores itself in git (its .gitignore is `*`), so nothing in it is committed by accident.
 */
export const CRAFTJS_FOLDER = ".craftjs";
const PENDING_FILE = `${CRAFTJS_FOLDER}/pending.json`;

const pendingSchema = z.object({
  command: z.enum(["add", "remove", "update"]),
  /** The items of an add or a remove, to say what it was. */
  items: z.array(z.string()),
  /** The files left with conflicts: markers in the file, or the new version beside it as <file>.craftjs-new. */
  conflicts: z.array(z.object({ path: z.string(), style: z.enum(["markers", "new-file"]) })),
  /** The manifest to write once they are resolved. */
  manifest: manifestSchema,
  steps: z.array(z.object({ id: z.enum(["install", "generate", "migrate"]), title: z.string(), command: z.array(z.string()) })),
  nextSteps: z.array(z.string()),
});

export type Pending = z.output<typeof pendingSchema>;

/** The writes that make the CLI's folder ignore itself and record what is pending. */
export function pendingWrites(pending: Pending): FileWrite[] {
  return [ignoreWrite(), { path: PENDING_FILE, content: `${JSON.stringify(pending, null, 2)}\n` }];
}

export function clearPending(): FileWrite {
  return { path: PENDING_FILE, content: null };
}

export function ignoreWrite(): FileWrite {
  return { path: `${CRAFTJS_FOLDER}/.gitignore`, content: "# Written by create-craftjs: nothing here is committed.\n*\n" };
}

/** Where `--force` keeps the user's copy of a file it overwrites, one folder per run. */
export function backupPath(stamp: string, file: string): string {
  return `${CRAFTJS_FOLDER}/backup/${stamp}/${file}`;
}

export async function readPending(root: string): Promise<Pending | undefined> {
  const file = path.join(root, PENDING_FILE);
  if (!(await fs.pathExists(file))) return undefined;
  const parsed = pendingSchema.safeParse(await fs.readJson(file).catch(() => undefined));
  if (!parsed.success) throw new CliError(`${file} is not one create-craftjs wrote; remove it and run the command again.`);
  return parsed.data;
}

/** The conflicts still unresolved: a file with markers left, or a <file>.craftjs-new not yet removed. */
export async function unresolved(root: string, pending: Pending, hasMarkers: (text: string) => boolean): Promise<string[]> {
  const left: string[] = [];
  for (const conflict of pending.conflicts) {
    if (conflict.style === "new-file") {
      if (await fs.pathExists(path.join(root, `${conflict.path}.craftjs-new`))) left.push(`${conflict.path}.craftjs-new`);
      continue;
    }
    const content = await fs.readFile(path.join(root, conflict.path), "utf8").catch(() => "");
    if (hasMarkers(content)) left.push(conflict.path);
  }
  return left;
}
