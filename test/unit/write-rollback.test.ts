import * as fs from "node:fs/promises";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FileToWrite } from "../../src/write.js";
import { writeAtomically } from "../../src/write.js";
import { useTempDirs } from "./support/temp.js";
import { snapshotTree, stagingLeftovers } from "./support/tree.js";

// rename is the step that moves staged entries into an existing target; here it can be made to fail on demand.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

const actualRename = (await vi.importActual<typeof import("node:fs/promises")>("node:fs/promises")).rename;
const tempDir = useTempDirs("craftjs-rollback-");

afterEach(() => {
  vi.mocked(fs.rename).mockImplementation(actualRename);
});

/**
 * Makes the n-th move of a staged entry into the target fail, as a full disk or a crash would.
 * Counting moves (not naming an entry) keeps it independent of the order readdir lists the staged entries in.
 */
function failMoveNumber(n: number): void {
  let moves = 0;
  vi.mocked(fs.rename).mockImplementation(async (from, to) => {
    if (String(from).includes(`${path.sep}project${path.sep}`) && ++moves === n) {
      throw Object.assign(new Error(`EIO: simulated failure moving ${path.basename(String(to))}`), { code: "EIO" });
    }
    return actualRename(from, to);
  });
}

const files: FileToWrite[] = [
  { path: "README.md", content: "# new\n" },
  { path: "package.json", content: '{ "name": "app" }\n' },
  { path: "src/index.ts", content: "export {};\n" },
  { path: "zzz.txt", content: "last\n" },
];

describe("writeAtomically into an existing directory, failing halfway through the move", () => {
  it("puts back the entries it had already replaced and removes the ones it had added", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "app");
    await mkdir(path.join(target, ".git"), { recursive: true });
    await writeFile(path.join(target, ".git", "HEAD"), "ref: refs/heads/main\n");
    await writeFile(path.join(target, "README.md"), "# the user's readme\n");
    await writeFile(path.join(target, "package.json"), '{ "name": "old" }\n');
    const before = await snapshotTree(parent);

    failMoveNumber(files.length); // the last of the four top-level entries: three are already in place
    await expect(writeAtomically(target, files)).rejects.toThrow(/simulated failure/);

    expect(await snapshotTree(parent)).toEqual(before);
    expect(await stagingLeftovers(parent)).toEqual([]);
  });
});
