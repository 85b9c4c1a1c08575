import { randomBytes } from "node:crypto";
import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../../src/errors.js";
import type { FileToWrite } from "../../src/write.js";
import { assertWritableParent, inspectTarget, writeAtomically } from "../../src/write.js";
import { isRoot } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";
import { exists, listFiles, snapshotTree, stagingLeftovers, writeTree } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-write-");

const files: FileToWrite[] = [
  { path: "package.json", content: '{ "name": "app" }\n' },
  { path: ".gitignore", content: "node_modules/\n" },
  { path: "src/app/page.tsx", content: "export default function Page() { return null; }\n" },
  { path: "src/lib/db/client.ts", content: "export const db = {};\n" },
];

/** Two planned files that cannot both exist: `a` as a file and `a` as the folder of `a/b`. */
const impossible: FileToWrite[] = [...files, { path: "a", content: "a file" }, { path: "a/b", content: "inside a folder" }];

describe("writeAtomically", () => {
  it("creates a new directory holding exactly the planned files, with their content", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "app");
    await writeAtomically(target, files);
    expect(await listFiles(target)).toEqual(files.map((file) => file.path).sort());
    for (const file of files) expect(await readFile(path.join(target, file.path), "utf8")).toBe(file.content);
    expect(await stagingLeftovers(parent)).toEqual([]);
  });

  it("creates missing parent folders of the target", async () => {
    const target = path.join(await tempDir(), "projects", "2026", "app");
    await writeAtomically(target, files);
    expect(await listFiles(target)).toEqual(files.map((file) => file.path).sort());
  });

  it("keeps the harmless entries of an existing directory, like .git", async () => {
    const target = await tempDir();
    await writeTree(target, { ".git/HEAD": "ref: refs/heads/main\n", LICENSE: "MIT\n" });
    await writeAtomically(target, files);
    expect(await readFile(path.join(target, ".git/HEAD"), "utf8")).toBe("ref: refs/heads/main\n");
    expect(await readFile(path.join(target, "LICENSE"), "utf8")).toBe("MIT\n");
    expect(await listFiles(target)).toEqual([...files.map((file) => file.path), ".git/HEAD", "LICENSE"].sort());
  });

  it("replaces planned paths in an existing directory and leaves every other file alone (--force)", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "app");
    await writeTree(target, { "package.json": "old\n", "notes.md": "mine\n", "docs/guide.md": "# mine\n" });
    await writeAtomically(target, files);
    expect(await readFile(path.join(target, "package.json"), "utf8")).toBe(files[0]!.content);
    expect(await readFile(path.join(target, "notes.md"), "utf8")).toBe("mine\n");
    expect(await readFile(path.join(target, "docs/guide.md"), "utf8")).toBe("# mine\n");
    expect(await listFiles(target)).toEqual([...files.map((file) => file.path), "docs/guide.md", "notes.md"].sort());
    expect(await stagingLeftovers(parent)).toEqual([]);
  });

  it("keeps the user's own files inside a folder the plan also writes to (src/, data/)", async () => {
    const target = await tempDir();
    await writeTree(target, { "src/mine.ts": "export {};\n", "data/app.db": "the user's database" });
    await writeAtomically(target, [...files, { path: "data/.gitkeep", content: "" }]);
    expect(await readFile(path.join(target, "src/mine.ts"), "utf8")).toBe("export {};\n");
    expect(await readFile(path.join(target, "data/app.db"), "utf8")).toBe("the user's database");
    expect(await readFile(path.join(target, "src/app/page.tsx"), "utf8")).toBe(files[2]!.content);
  });

  it("fails without creating the target, and leaves no staging folder, when a file cannot be written", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "app");
    await expect(writeAtomically(target, impossible)).rejects.toThrow();
    expect(await exists(target)).toBe(false);
    expect(await stagingLeftovers(parent)).toEqual([]);
    expect(await snapshotTree(parent)).toEqual({});
  });

  it("fails leaving an existing target exactly as it was, and no staging folder", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "app");
    await writeTree(target, { "package.json": "old\n", "notes.md": "mine\n", ".git/HEAD": "ref\n" });
    const before = await snapshotTree(parent);
    await expect(writeAtomically(target, impossible)).rejects.toThrow();
    expect(await snapshotTree(parent)).toEqual(before);
    expect(await stagingLeftovers(parent)).toEqual([]);
  });
});

describe("inspectTarget", () => {
  it("reports a missing directory as absent, without conflicts", async () => {
    expect(await inspectTarget(path.join(await tempDir(), "app"))).toEqual({ exists: false, conflicts: [] });
  });

  it("reports an empty directory as existing, without conflicts", async () => {
    expect(await inspectTarget(await tempDir())).toEqual({ exists: true, conflicts: [] });
  });

  it("lists the entries that conflict, sorted, leaving out harmless ones (.git, .DS_Store, LICENSE)", async () => {
    const target = await tempDir();
    await writeTree(target, {
      ".git/HEAD": "ref\n",
      ".DS_Store": "",
      LICENSE: "MIT\n",
      "src/index.ts": "",
      "README.md": "# mine\n",
      ".env": "SECRET=1\n",
    });
    expect(await inspectTarget(target)).toEqual({ exists: true, conflicts: [".env", "README.md", "src"] });
  });

  it("refuses a target that is a file, with a CliError", async () => {
    const file = path.join(await tempDir(), "app");
    await writeFile(file, "not a folder");
    await expect(inspectTarget(file)).rejects.toBeInstanceOf(CliError);
    await expect(inspectTarget(file)).rejects.toThrow(/not a directory/);
  });
});

describe("assertWritableParent", () => {
  it("accepts a target whose closest existing ancestor is a writable directory", async () => {
    await expect(assertWritableParent(path.join(await tempDir(), "a", "b", "app"))).resolves.toBeUndefined();
  });

  it("refuses a parent that is a regular file, with a CliError naming it", async () => {
    const file = path.join(await tempDir(), "plain-file");
    await writeFile(file, "");
    const attempt = assertWritableParent(path.join(file, "app"));
    await expect(attempt).rejects.toBeInstanceOf(CliError);
    await expect(assertWritableParent(path.join(file, "app"))).rejects.toThrow(`${file} is not a directory`);
  });

  it("refuses a parent under /proc, where no folder can be created", async () => {
    const target = `/proc/craftjs-${randomBytes(6).toString("hex")}/app`;
    await expect(assertWritableParent(target)).rejects.toBeInstanceOf(CliError);
  });

  it.skipIf(isRoot)("refuses a parent without write permission (skipped as root, who may write anywhere)", async () => {
    const parent = await tempDir();
    await chmod(parent, 0o555);
    try {
      await expect(assertWritableParent(path.join(parent, "app"))).rejects.toThrow(/not writable/);
    } finally {
      await chmod(parent, 0o755);
    }
  });
});
