import * as fs from "node:fs/promises";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FileToWrite } from "../../src/write.js";
import { applyWrites, STAGING_FOLDER, writeAtomically } from "../../src/write.js";
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

describe("applyWrites (add, update) into a project, failing halfway through", () => {
  async function project(): Promise<string> {
    const root = await tempDir();
    await mkdir(path.join(root, "src", "old"), { recursive: true });
    await writeFile(path.join(root, "README.md"), "# the user's readme\n");
    await writeFile(path.join(root, "src", "old", "route.ts"), "export const old = 1;\n");
    await writeFile(path.join(root, "src", "page.tsx"), "the user's page\n");
    return root;
  }
  const changes = [
    { path: "README.md", content: "# new\n" },
    { path: "src/old/route.ts", content: null },
    { path: "src/page.tsx", content: "theirs\n", keepAs: ".craftjs/backup/1/src/page.tsx" },
    { path: "src/new/route.ts", content: "export const added = 1;\n" },
  ];

  it("undoes every write, deletion and kept copy, and says the files were restored", async () => {
    const root = await project();
    const before = await snapshotTree(root);
    failMoveNumber(3); // README.md and src/page.tsx are in place, src/old/route.ts moved aside, the copy made
    await expect(applyWrites(root, changes)).rejects.toThrow(/Writing the changes failed \(EIO\); every file was restored as it was/);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it("writes, deletes (removing the folder it empties) and keeps the user's copy when nothing fails", async () => {
    const root = await project();
    await applyWrites(root, changes);
    const read = (file: string) => readFile(path.join(root, file), "utf8");
    expect(await read("README.md")).toBe("# new\n");
    expect(await read("src/page.tsx")).toBe("theirs\n");
    expect(await read(".craftjs/backup/1/src/page.tsx")).toBe("the user's page\n");
    expect(await read("src/new/route.ts")).toBe("export const added = 1;\n");
    expect(Object.keys(await snapshotTree(root)).filter((entry) => entry.startsWith("src/old") || entry === STAGING_FOLDER)).toEqual([]);
  });

  it("refuses while another run holds the project, changing nothing", async () => {
    const root = await project();
    await mkdir(path.join(root, STAGING_FOLDER));
    const before = await snapshotTree(root);
    await expect(applyWrites(root, changes)).rejects.toThrow(/Another create-craftjs is writing to/);
    expect(await snapshotTree(root)).toEqual(before);
  });
});
