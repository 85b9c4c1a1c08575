import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, cliEnv, ensureBuilt, fakeNpm, pathWith, runCli } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";
import { exists, writeTree } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-output-");

beforeAll(ensureBuilt, 120_000);

describe("--json: one JSON object on stdout for every outcome", () => {
  it.each([
    ["a name that is not a package name", ["My App"], "INVALID_OPTIONS", /must be lowercase/],
    ["a value not allowed (--db mongo)", ["app", "--db", "mongo"], "INVALID_OPTIONS", /--db: "mongo" is not one of sqlite, postgres/],
    ["an incompatible combination", ["app", "--database-url", "postgres://u@h:5432/d"], "INVALID_OPTIONS", /only applies to --db postgres/],
    ["an unknown flag", ["app", "--frobnicate"], "INVALID_OPTIONS", /^unknown option '--frobnicate'$/],
    ["a flag without its value", ["app", "--db"], "INVALID_OPTIONS", /argument missing/],
    ["a parent that is a file", ["package.json/app"], "UNWRITABLE", /is not a directory/],
  ])("refuses %s as ok false with its code and message, writing nothing", async (_label, args, code, message) => {
    const cwd = await tempDir();
    await writeTree(cwd, { "package.json": "{}\n" });
    const result = await runCli(["--json", "--no-install", "--no-git", ...args], { cwd });

    expect(result.exitCode).toBe(1);
    const outcome = JSON.parse(result.stdout); // throws if anything else shares stdout
    expect(outcome).toMatchObject({ ok: false, code });
    expect(outcome.message).toMatch(message);
    expect(await readdir(cwd)).toEqual(["package.json"]);
  });

  it("refuses a non-empty directory with the entries that are in the way", async () => {
    const cwd = await tempDir();
    await writeTree(path.join(cwd, "app"), { "notes.txt": "mine\n" });
    const result = await runCli(["app", "--json", "--no-install", "--no-git"], { cwd });

    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      code: "TARGET_NOT_EMPTY",
      message: expect.stringContaining("app is not empty"),
      directory: path.join(cwd, "app"),
      conflicts: ["notes.txt"],
    });
  });

  it("reports a failed step with code STEP_FAILED, the message and how to finish", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd, { failOn: "install" });
    const result = await runCli(["app", "--json", "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      code: "STEP_FAILED",
      message: expect.stringContaining("`npm install` failed"),
      failedCommand: "npm install",
      finishByHand: ["cd app", "npm install", "npm run db:generate -- --name init", "npm run db:migrate", "npm run dev"],
    });
  });
});

/** Runs the CLI with its stdout piped into `reader` by a shell; returns the CLI's own exit code and its stderr. */
async function piped(args: string[], reader: string, cwd: string) {
  const command = [process.execPath, BIN, ...args].map((word) => `'${word}'`).join(" ");
  const result = await execa("bash", ["-c", `${command} 2>cli-stderr | ${reader}; echo "\${PIPESTATUS[0]}" > cli-status`], {
    cwd,
    env: cliEnv(),
    extendEnv: false,
    stdin: "ignore",
    timeout: 60_000,
  });
  return {
    exitCode: Number((await readFile(path.join(cwd, "cli-status"), "utf8")).trim()),
    stderr: await readFile(path.join(cwd, "cli-stderr"), "utf8"),
    readerOutput: result.stdout,
  };
}

describe("a reader that closes stdout early", () => {
  it("`| head -1`: the first line is read, the work is done, no EPIPE, exit code 0", async () => {
    const cwd = await tempDir();
    const result = await piped(["app", "--yes", "--no-install", "--no-git"], "head -1", cwd);

    expect(result.readerOutput).toMatch(/^Creating app with /);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(await exists(path.join(cwd, "app", "craftjs.json"))).toBe(true);
  });

  it("a reader gone before the first line (`| true`), under --json too: still the work's exit code", async () => {
    const cwd = await tempDir();
    const name = `app-${randomBytes(3).toString("hex")}`;
    const result = await piped([name, "--json", "--no-install", "--no-git"], "true", cwd);

    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(result.exitCode).toBe(0);
    expect(await exists(path.join(cwd, name, "craftjs.json"))).toBe(true);
  });
});
