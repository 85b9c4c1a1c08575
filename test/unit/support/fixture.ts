import { appendFile, cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashContent, legacyManifestSchema, manifestSchema } from "../../../src/manifest.js";
import type { Choices } from "../../../src/options.js";
import { renderProject } from "../../../src/plan.js";
import { exists } from "./tree.js";

/** The versions of create-craftjs whose projects are kept as fixtures (test/fixtures/craftjs-<version>). */
export type FixtureVersion = "0.1.0" | "0.3.0";

/**
 * Lays out, in `root`, the project create-craftjs `version` made: its stored files, and every other file it recorded
 * as today's CLI renders it, refused unless its hash is the one that version recorded (so the copy is exact).
 */
export async function projectFrom(version: FixtureVersion, root: string): Promise<void> {
  await cp(fileURLToPath(new URL(`../../fixtures/craftjs-${version}/`, import.meta.url)), root, { recursive: true });
  const json: unknown = JSON.parse(await readFile(path.join(root, "craftjs.json"), "utf8"));
  const { name, choices, hashes } = recorded(version, json);
  const today = new Map(renderProject(name, choices).files.map((file) => [file.path, file.content]));
  for (const [file, hash] of Object.entries(hashes)) {
    const target = path.join(root, file);
    if (await exists(target)) continue;
    const content = today.get(file);
    if (hash === undefined || content === undefined || hashContent(content) !== hash) {
      throw new Error(`The ${version} fixture lacks ${file}, and today's CLI renders it differently: store ${version}'s version.`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

function recorded(version: FixtureVersion, json: unknown): { name: string; choices: Choices; hashes: Record<string, string | undefined> } {
  if (version === "0.1.0") {
    const legacy = legacyManifestSchema.parse(json);
    return { name: `craftjs-${version}`, choices: legacy.choices, hashes: legacy.files };
  }
  const manifest = manifestSchema.parse(json);
  const hashes = Object.fromEntries(Object.entries(manifest.files).map(([file, entry]) => [file, entry.hash]));
  return { name: manifest.name, choices: manifest.choices, hashes };
}

/** The project create-craftjs 0.1.0 made (see projectFrom). */
export function projectFrom0_1_0(root: string): Promise<void> {
  return projectFrom("0.1.0", root);
}

/** What a user of an older version did to the project: an own file, a dependency, an env variable, a route, the README. */
export const USER_EDITS = {
  ownFile: ["src/lib/mine.ts", "export const mine = 1;\n"],
  dependency: ["left-pad", "1.3.0"],
  envLine: "MY_OWN_SETTING=kept",
  routeNote: ["src/app/api/health/route.ts", "// Checked by our uptime monitor.\n"],
  readmeNote: "Deploys go through staging first.",
} as const;

/** Makes the USER_EDITS in a project (nothing committed). */
export async function editAsUser(root: string): Promise<void> {
  const edit = async (file: string, change: (text: string) => string) =>
    writeFile(path.join(root, file), change(await readFile(path.join(root, file), "utf8")));
  const [ownFile, ownContent] = USER_EDITS.ownFile;
  await writeFile(path.join(root, ownFile), ownContent);
  await edit("package.json", (text) => {
    const pkg = JSON.parse(text);
    pkg.dependencies[USER_EDITS.dependency[0]] = USER_EDITS.dependency[1];
    return `${JSON.stringify(pkg, null, 2)}\n`;
  });
  await appendFile(path.join(root, ".env"), `${USER_EDITS.envLine}\n`);
  await edit(USER_EDITS.routeNote[0], (text) => `${USER_EDITS.routeNote[1]}${text}`);
  await edit("README.md", (text) => `${text}\n## Our notes\n\n${USER_EDITS.readmeNote}\n`);
}
