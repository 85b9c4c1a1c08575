import path from "node:path";
import fs from "fs-extra";
import { CliError } from "../errors.js";
import { legacyManifestSchema, type Manifest, MANIFEST_FILE, manifestSchema, upgradeManifest } from "../manifest.js";
import { renderProject } from "../plan.js";
import { CLI_VERSION } from "../version.js";

/** An existing CraftJS project: its folder and its manifest (upgraded to today's format if it is older). */
export interface Project {
  root: string;
  manifest: Manifest;
  /** The manifest's format was older and has been upgraded in memory. */
  upgraded: boolean;
}

/** Finds the project `cwd` is in by its craftjs.json, searching upward; refuses when there is none or it is unreadable. */
export async function findProject(cwd: string): Promise<Project> {
  const start = path.resolve(cwd);
  if (!(await fs.pathExists(start))) throw new CliError(`--cwd ${cwd}: no such folder.`);
  for (let folder = start; ; folder = path.dirname(folder)) {
    const file = path.join(folder, MANIFEST_FILE);
    if (await fs.pathExists(file)) {
      const project = { root: folder, ...(await readManifest(file)) };
      refuseNewerProject(project.manifest);
      return project;
    }
    if (path.dirname(folder) === folder) break;
  }
  throw new CliError(
    `No ${MANIFEST_FILE} in ${start} or any folder above it: add works in a project made by create-craftjs.\n` +
      "Run it inside the project, or point --cwd at it.",
  );
}

/** A project made by a newer CLI would be rendered back to this version's files: refused, naming the version to use. */
function refuseNewerProject(manifest: Manifest): void {
  if (compareVersions(manifest.cliVersion, CLI_VERSION) <= 0) return;
  throw new CliError(
    `This project was made by create-craftjs ${manifest.cliVersion}, newer than this one (${CLI_VERSION}).\n` +
      `Run that version instead: npx create-craftjs@${manifest.cliVersion} add …`,
  );
}

/** Compares two x.y.z versions numerically (a pre-release suffix is ignored). */
export function compareVersions(left: string, right: string): number {
  const parts = (version: string) => version.split("-")[0]!.split(".").map((part) => Number(part) || 0);
  const [a, b] = [parts(left), parts(right)];
  for (let index = 0; index < 3; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

async function readManifest(file: string): Promise<{ manifest: Manifest; upgraded: boolean }> {
  let data: unknown;
  try {
    data = await fs.readJson(file);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON (${(error as Error).message}). Restore it from version control.`);
  }
  const current = manifestSchema.safeParse(data);
  if (current.success) return { manifest: current.data, upgraded: false };
  const legacy = legacyManifestSchema.safeParse(data);
  if (legacy.success) {
    const name = legacy.data.command.split(" ")[1] ?? "app";
    const today = new Map(renderProject(name, legacy.data.choices).files.map((planned) => [planned.path, planned]));
    return { manifest: upgradeManifest(legacy.data, (filePath) => today.get(filePath)), upgraded: true };
  }
  const problems = current.error.issues.slice(0, 5).map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new CliError(`${file} is not a manifest this CLI can read:\n${problems.join("\n")}`);
}
