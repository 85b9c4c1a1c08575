import { randomBytes } from "node:crypto";
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, isRoot, runCli } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";
import { exists, snapshotTree, stagingLeftovers, writeTree } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-target-");

beforeAll(ensureBuilt, 120_000);

/** No install, no git: these tests are about where the files go. */
const WRITE_ONLY = ["--no-install", "--no-git"];

describe("a non-empty target directory", () => {
  it("is refused without --force, listing the conflicting entries and changing nothing", async () => {
    const cwd = await tempDir();
    await writeTree(path.join(cwd, "app"), {
      "notes.txt": "my notes\n",
      "package.json": '{ "name": "mine" }\n',
      "src/index.ts": "export {};\n",
      ".git/HEAD": "ref: refs/heads/main\n",
    });
    const before = await snapshotTree(cwd);

    const result = await runCli(["app", ...WRITE_ONLY], { cwd });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/app is not empty/);
    for (const entry of ["notes.txt", "package.json", "src"]) expect(result.stderr).toMatch(new RegExp(`^\\s+${entry}$`, "m"));
    expect(result.stderr).not.toMatch(/^\s+\.git$/m);
    expect(result.stderr).toContain("--force");
    expect(await snapshotTree(cwd)).toEqual(before);
  });

  it("is accepted when it holds only harmless entries (.git, LICENSE), which are kept", async () => {
    const cwd = await tempDir();
    await writeTree(path.join(cwd, "app"), { ".git/HEAD": "ref: refs/heads/main\n", LICENSE: "MIT\n" });

    const result = await runCli(["app", ...WRITE_ONLY], { cwd });

    expect(result.exitCode, result.output).toBe(0);
    expect(await exists(path.join(cwd, "app", "package.json"))).toBe(true);
    expect(await readFile(path.join(cwd, "app", "LICENSE"), "utf8")).toBe("MIT\n");
    expect(await readFile(path.join(cwd, "app", ".git", "HEAD"), "utf8")).toBe("ref: refs/heads/main\n");
  });

  it("with --force gets the app's files and keeps the user's unrelated files", async () => {
    const cwd = await tempDir();
    await writeTree(path.join(cwd, "app"), { "notes.txt": "my notes\n", "package.json": '{ "name": "mine" }\n' });

    const result = await runCli(["app", "--force", ...WRITE_ONLY], { cwd });

    expect(result.exitCode, result.output).toBe(0);
    expect(await readFile(path.join(cwd, "app", "notes.txt"), "utf8")).toBe("my notes\n");
    expect(JSON.parse(await readFile(path.join(cwd, "app", "package.json"), "utf8")).name).toBe("app");
    expect(await exists(path.join(cwd, "app", "craftjs.json"))).toBe(true);
    expect(await stagingLeftovers(cwd)).toEqual([]);
  });

  it("with --force lists the files it replaces before writing them, and not the user's other files", async () => {
    const cwd = await tempDir();
    await writeTree(path.join(cwd, "app"), { "notes.txt": "my notes\n", "package.json": '{ "name": "mine" }\n', "README.md": "# mine\n" });

    const result = await runCli(["app", "--force", ...WRITE_ONLY], { cwd });

    expect(result.exitCode, result.output).toBe(0);
    const listing = result.stdout.indexOf("--force replaces 2 existing files");
    expect(listing).toBeGreaterThan(-1);
    expect(result.stdout.slice(listing)).toMatch(/^--force replaces 2 existing files.*\n {2}package\.json\n {2}README\.md\n/);
    expect(listing).toBeLessThan(result.stdout.indexOf("Writing"));
    expect(result.stdout).not.toMatch(/^\s+notes\.txt$/m);
  });

  it("with --force --dry-run lists the files it would replace and writes nothing", async () => {
    const cwd = await tempDir();
    await writeTree(path.join(cwd, "app"), { "notes.txt": "my notes\n", "package.json": '{ "name": "mine" }\n' });
    const before = await snapshotTree(cwd);

    const text = await runCli(["app", "--force", "--dry-run", ...WRITE_ONLY], { cwd });
    const json = await runCli(["app", "--force", "--dry-run", "--json", ...WRITE_ONLY], { cwd });

    expect([text.exitCode, json.exitCode]).toEqual([0, 0]);
    expect(text.stdout).toMatch(/--force replaces 1 existing file.*\n {2}package\.json\n/);
    expect(JSON.parse(json.stdout).replaces).toEqual(["package.json"]);
    expect(await snapshotTree(cwd)).toEqual(before);
  });

  it("writes into the current directory with `.`, naming the package after it", async () => {
    const parent = await tempDir();
    const cwd = path.join(parent, "shop");
    await mkdir(cwd);

    const result = await runCli([".", ...WRITE_ONLY], { cwd });

    expect(result.exitCode, result.output).toBe(0);
    expect(JSON.parse(await readFile(path.join(cwd, "package.json"), "utf8")).name).toBe("shop");
    expect(await readdir(parent)).toEqual(["shop"]);
  });
});

describe("a parent the app cannot be created in", () => {
  it("refuses a parent under /proc up front, creating nothing", async () => {
    const cwd = await tempDir();
    const missing = `/proc/craftjs-${randomBytes(6).toString("hex")}`;

    const result = await runCli([`${missing}/app`, ...WRITE_ONLY], { cwd, timeout: 8_000 });

    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/Cannot (create|write)/);
    expect(await exists(missing)).toBe(false);
    expect(await readdir(cwd)).toEqual([]);
  });

  it("refuses a parent that is a regular file with exit code 1, creating nothing", async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, "plain-file"), "");

    const result = await runCli(["plain-file/app", ...WRITE_ONLY], { cwd });

    expect(result.exitCode).toBe(1);
    expect(await readdir(cwd)).toEqual(["plain-file"]);
    expect(await readFile(path.join(cwd, "plain-file"), "utf8")).toBe("");
  });

  it("explains a parent that is a regular file in one sentence, without a stack trace", async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, "plain-file"), "");

    const result = await runCli(["plain-file/app", ...WRITE_ONLY], { cwd });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/plain-file is not a directory/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(isRoot)("refuses a parent without write permission (skipped as root, who may write anywhere)", async () => {
    const cwd = await tempDir();
    const locked = path.join(cwd, "locked");
    await mkdir(locked);
    await chmod(locked, 0o555);
    try {
      const result = await runCli(["locked/app", ...WRITE_ONLY], { cwd });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/locked is not writable/);
      expect(await readdir(locked)).toEqual([]);
    } finally {
      await chmod(locked, 0o755);
    }
  });
});
