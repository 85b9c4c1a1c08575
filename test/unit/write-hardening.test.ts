import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../../src/errors.js";
import { inspectTarget, STAGING_FOLDER, writeAtomically, type FileToWrite } from "../../src/write.js";
import { useTempDirs } from "./support/temp.js";
import { exists, listFiles, snapshotTree } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-write-hardening-");

const files: FileToWrite[] = [
  { path: "package.json", content: '{ "name": "app" }\n' },
  { path: "src/app/page.tsx", content: "export default function Page() { return null; }\n" },
];

describe("a dangling symbolic link as the target", () => {
  it("is refused in one sentence naming where it points, and left as it is", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "app");
    await symlink(path.join(parent, "missing"), target);

    await expect(inspectTarget(target)).rejects.toThrow(`${target} is a symbolic link to ${path.join(parent, "missing")}, which does not exist.`);
    await expect(writeAtomically(target, files)).rejects.toBeInstanceOf(CliError);
    expect(await readdir(parent)).toEqual(["app"]);
  });
});

describe("staging inside the target", () => {
  it("leaves nothing in the parent or the target but the planned files", async () => {
    const parent = await tempDir();
    await writeAtomically(path.join(parent, "app"), files);
    expect(await readdir(parent)).toEqual(["app"]);
    expect(await listFiles(path.join(parent, "app"))).toEqual(["package.json", "src/app/page.tsx"]);
    expect(await exists(path.join(parent, "app", STAGING_FOLDER))).toBe(false);
  });

  it("keeps an existing target's folder when it was not made by this run, and removes one it made", async () => {
    const parent = await tempDir();
    const impossible = [...files, { path: "a", content: "a file" }, { path: "a/b", content: "inside a folder" }];
    await mkdir(path.join(parent, "existing"));
    await expect(writeAtomically(path.join(parent, "existing"), impossible)).rejects.toBeInstanceOf(CliError);
    await expect(writeAtomically(path.join(parent, "new"), impossible)).rejects.toBeInstanceOf(CliError);
    expect(await snapshotTree(parent)).toEqual({ existing: "dir" });
  });
});

describe("two runs writing one directory", () => {
  it("a run that finds another one's staging folder stops with a sentence and touches nothing", async () => {
    const target = await tempDir();
    await mkdir(path.join(target, STAGING_FOLDER));
    await writeFile(path.join(target, STAGING_FOLDER, "theirs"), "being written");
    const before = await snapshotTree(target);

    const attempt = writeAtomically(target, files);
    await expect(attempt).rejects.toBeInstanceOf(CliError);
    await expect(writeAtomically(target, files)).rejects.toThrow(/^Another create-craftjs is writing to .* right now/);
    expect(await snapshotTree(target)).toEqual(before);
  });

  it("at the same time: exactly one writes, the other fails clearly, and the project is the winner's", async () => {
    for (const existing of [false, true]) {
      const parent = await tempDir();
      const target = path.join(parent, "app");
      if (existing) await mkdir(target);
      const theirs = files.map((file) => ({ ...file, content: `${file.content}// the other run\n` }));

      const outcomes = await Promise.allSettled([
        writeAtomically(target, files, { mustBeEmpty: true }),
        writeAtomically(target, theirs, { mustBeEmpty: true }),
      ]);

      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
      const failed = outcomes.find((outcome) => outcome.status === "rejected")!;
      expect(failed.reason).toBeInstanceOf(CliError);
      const winner = outcomes[0]!.status === "fulfilled" ? files : theirs;
      for (const file of winner) expect(await readFile(path.join(target, file.path), "utf8")).toBe(file.content);
      expect(await listFiles(target)).toEqual(["package.json", "src/app/page.tsx"]);
    }
  });

  it("one that starts after the other finished refuses the now non-empty target (create without --force)", async () => {
    const target = path.join(await tempDir(), "app");
    await writeAtomically(target, files, { mustBeEmpty: true });
    const before = await snapshotTree(target);
    const late = writeAtomically(target, files, { mustBeEmpty: true });
    await expect(late).rejects.toMatchObject({ code: "TARGET_NOT_EMPTY" });
    await expect(writeAtomically(target, files, { mustBeEmpty: true })).rejects.toThrow(/was filled by something else \(package\.json, src\)/);
    expect(await snapshotTree(target)).toEqual(before);
  });
});
