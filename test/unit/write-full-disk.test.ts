import * as fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CliError } from "../../src/errors.js";
import { type FileToWrite, writeAtomically } from "../../src/write.js";
import { useTempDirs } from "./support/temp.js";
import { snapshotTree, writeTree } from "./support/tree.js";

// writeFileSync can be made to fail as a full disk does, on any machine (the CLI test does it for real on a tmpfs, as
// root).
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  return { ...actual, writeFileSync: vi.fn(actual.writeFileSync) };
});

const actualWriteFile = (await vi.importActual<typeof import("node:fs")>("node:fs")).writeFileSync;
const tempDir = useTempDirs("craftjs-full-disk-");

afterEach(() => {
  vi.mocked(fs.writeFileSync).mockImplementation(actualWriteFile);
});

function diskFullAfter(writes: number): void {
  let done = 0;
  vi.mocked(fs.writeFileSync).mockImplementation((file, data, options) => {
    if (++done > writes) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    return actualWriteFile(file, data, options);
  });
}

const files: FileToWrite[] = [
  { path: "package.json", content: '{ "name": "app" }\n' },
  { path: "src/index.ts", content: "export {};\n" },
  { path: "README.md", content: "# app\n" },
];

describe("a full disk while writing", () => {
  it.each([
    ["a new target", false],
    ["an existing one", true],
  ])("into %s: one plain sentence, and everything as it was", async (_, existing) => {
    const parent = await tempDir();
    const target = path.join(parent, "deep", "app");
    if (existing) await writeTree(target, { "notes.md": "mine\n", "package.json": "old\n" });
    const before = await snapshotTree(parent);
    diskFullAfter(1);

    const attempt = writeAtomically(target, files);

    await expect(attempt).rejects.toBeInstanceOf(CliError);
    await expect(attempt).rejects.toThrow(`Nothing was written to ${target}: the disk is full (ENOSPC).`);
    expect(await snapshotTree(parent)).toEqual(before);
  });
});
