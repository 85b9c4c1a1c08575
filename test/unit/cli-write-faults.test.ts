import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { manifestSchema } from "../../src/manifest.js";
import { BIN, cliEnv, ensureBuilt, isRoot, runCli } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";
import { exists } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-write-faults-");

beforeAll(ensureBuilt, 120_000);

/** No install, no git: these tests are about writing the files. */
const WRITE_ONLY = ["--no-install", "--no-git"];

/** Whether this machine lets the tests mount a tmpfs (root, and a container that allows it): tried, not guessed. */
function canMountTmpfs(): boolean {
  if (!isRoot) return false;
  const probe = path.join(os.tmpdir(), `craftjs-mount-probe-${process.pid}`);
  try {
    execFileSync("mkdir", ["-p", probe]);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe]);
    return true;
  } catch {
    return false;
  } finally {
    execFileSync("rmdir", [probe]);
  }
}

const mountable = canMountTmpfs();
if (!mountable) {
  console.warn(
    "SKIPPED: the mount-point and full-disk tests of cli-write-faults need root and permission to mount a tmpfs; " +
      "run them as root (in CI: a privileged container) to prove that a mounted target and ENOSPC work.",
  );
}

const mounted: string[] = [];
afterEach(() => {
  for (const point of mounted.splice(0).reverse()) execFileSync("umount", ["-l", point]);
});

/** Mounts a tmpfs of `size` at `point` (made if missing), unmounted after the test. */
async function mountTmpfs(point: string, size: string): Promise<void> {
  await mkdir(point, { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", point]);
  mounted.push(point);
}

/** Every leftover a run can leave: the write probe, old sibling staging folders, and the staging folder in a target. */
async function leftovers(...folders: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) {
    if (!(await exists(folder))) continue;
    for (const entry of await readdir(folder)) {
      if (/^\.craftjs-probe-|^\..*\.craftjs-|^\.craftjs-staging$/.test(entry)) found.push(path.join(folder, entry));
    }
  }
  return found;
}

async function isCompleteProject(app: string): Promise<boolean> {
  const manifest = await readFile(path.join(app, "craftjs.json"), "utf8").catch(() => undefined);
  if (!manifest) return false;
  for (const file of Object.keys(manifestSchema.parse(JSON.parse(manifest)).files)) {
    if (!(await exists(path.join(app, file)))) return false;
  }
  return true;
}

/** What stderr holds once execa drops its last newline: a single line ending a sentence. */
const ONE_SENTENCE = /^[^\n]+\.$/;

describe.skipIf(!mountable)("a target on another filesystem than its parent (tmpfs, as root)", () => {
  it("is scaffolded when the target is the mount point", async () => {
    const cwd = await tempDir();
    await mountTmpfs(path.join(cwd, "app"), "64m");

    const result = await runCli(["app", ...WRITE_ONLY], { cwd });

    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).not.toMatch(/EXDEV/);
    expect(await isCompleteProject(path.join(cwd, "app"))).toBe(true);
    expect(await leftovers(cwd, path.join(cwd, "app"))).toEqual([]);
  });

  it("is scaffolded with `.` inside a mount point", async () => {
    const parent = await tempDir();
    const cwd = path.join(parent, "shop");
    await mountTmpfs(cwd, "64m");

    const result = await runCli([".", ...WRITE_ONLY], { cwd });

    expect(result.exitCode, result.output).toBe(0);
    expect(JSON.parse(await readFile(path.join(cwd, "package.json"), "utf8")).name).toBe("shop");
    expect(await leftovers(parent, cwd)).toEqual([]);
  });
});

describe.skipIf(!mountable)("a full disk (a tiny tmpfs, as root)", () => {
  it.each([
    ["the target is the full mount point", "app", "app"],
    ["the target is a new folder on it", "disk", "disk/app"],
  ])("when %s: one plain sentence, exit 1, nothing left", async (_, mountPoint, target) => {
    const cwd = await tempDir();
    await mountTmpfs(path.join(cwd, mountPoint), "64k");

    const result = await runCli([target, ...WRITE_ONLY], { cwd });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(ONE_SENTENCE);
    expect(result.stderr).toBe(`Nothing was written to ${path.join(cwd, target)}: the disk is full (ENOSPC).`);
    expect(await readdir(path.join(cwd, mountPoint))).toEqual([]);
    expect(await readdir(cwd)).toEqual([mountPoint]);
  });
});

describe("a dangling symbolic link as the target", () => {
  it("is refused in one plain sentence, exit 1, the link left as it was", async () => {
    const cwd = await tempDir();
    await symlink(path.join(cwd, "gone"), path.join(cwd, "app"));

    const result = await runCli(["app", ...WRITE_ONLY], { cwd });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(`${path.join(cwd, "app")} is a symbolic link to ${path.join(cwd, "gone")}, which does not exist.`);
    expect(await readdir(cwd)).toEqual(["app"]);
  });
});

describe("two CLIs writing the same directory at once", () => {
  it("one writes the project, the other fails with a sentence and exit 1, never Done", async () => {
    for (const existing of [false, true]) {
      const cwd = await tempDir();
      if (existing) await mkdir(path.join(cwd, "app"));

      const results = await Promise.all([runCli(["app", ...WRITE_ONLY], { cwd }), runCli(["app", ...WRITE_ONLY], { cwd })]);

      expect(results.map((result) => result.exitCode).sort()).toEqual([0, 1]);
      const loser = results.find((result) => result.exitCode === 1)!;
      expect(loser.stdout).not.toMatch(/Done/);
      expect(loser.stderr).not.toMatch(/\n\s+at /);
      expect(loser.stderr).toMatch(/Another create-craftjs is writing to|was filled by something else|is not empty/);
      expect(await isCompleteProject(path.join(cwd, "app"))).toBe(true);
      expect(await leftovers(cwd, path.join(cwd, "app"))).toEqual([]);
    }
  });
});

describe("Ctrl-C at any moment of a write", () => {
  it("leaves no probe or staging folder, and either no project or a whole one", async () => {
    const cwd = await tempDir();
    for (let delay = 150; delay <= 600; delay += 50) {
      const cli = execa(process.execPath, [BIN, "app", ...WRITE_ONLY], { cwd, env: cliEnv(), extendEnv: false, reject: false });
      setTimeout(() => cli.kill("SIGINT"), delay);
      const result = await cli;

      expect(await leftovers(cwd, path.join(cwd, "app")), `SIGINT after ${delay} ms`).toEqual([]);
      const app = path.join(cwd, "app");
      if (await exists(app)) expect(await isCompleteProject(app), `SIGINT after ${delay} ms: ${result.stderr}`).toBe(true);
      await rm(app, { recursive: true, force: true });
    }
  }, 60_000);
});
