import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashContent, legacyManifestSchema } from "../../../src/manifest.js";
import { renderProject } from "../../../src/plan.js";
import { exists } from "./tree.js";

const FIXTURE_0_1_0 = fileURLToPath(new URL("../../fixtures/craftjs-0.1.0/", import.meta.url));

/**
 * Lays out, in `root`, the project create-craftjs 0.1.0 made: its stored files, and every other file it recorded as
 * today's CLI renders it, refused unless its hash is the one 0.1.0 recorded (so the copy is exact).
 */
export async function projectFrom0_1_0(root: string): Promise<void> {
  await cp(FIXTURE_0_1_0, root, { recursive: true });
  const manifest = legacyManifestSchema.parse(JSON.parse(await readFile(path.join(root, "craftjs.json"), "utf8")));
  const today = new Map(renderProject("craftjs-0.1.0", manifest.choices).files.map((file) => [file.path, file.content]));
  for (const [file, hash] of Object.entries(manifest.files)) {
    const target = path.join(root, file);
    if (await exists(target)) continue;
    const content = today.get(file);
    if (content === undefined || hashContent(content) !== hash) {
      throw new Error(`The 0.1.0 fixture lacks ${file}, and today's CLI renders it differently: store 0.1.0's version.`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
