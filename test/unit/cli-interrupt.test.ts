import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { hashContent, manifestSchema } from "../../src/manifest.js";
import { BIN, cliEnv, ensureBuilt, pathWith } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";

const tempDir = useTempDirs("craftjs-interrupt-");

beforeAll(ensureBuilt, 120_000);

/**
 * An `npm` whose install never ends: it starts a `sleep`, and a shell that ignores SIGTERM and SIGINT (only SIGKILL
 * ends it), then waits for both, as a real install waits for its lifecycle scripts. Every process id goes to
 * `pids`; `started` appears once all of them run.
 */
async function hangingNpm(dir: string) {
  const binDir = path.join(dir, "fake-bin");
  const pids = path.join(dir, "pids");
  const started = path.join(dir, "started");
  await mkdir(binDir);
  await writeFile(
    path.join(binDir, "npm"),
    [
      "#!/bin/sh",
      `[ "$1" = "install" ] || exit 0`,
      `echo $$ >> "${pids}"`,
      "sleep 300 &",
      `echo $! >> "${pids}"`,
      `sh -c 'trap "" TERM INT; while :; do sleep 1; done' &`,
      `echo $! >> "${pids}"`,
      `touch "${started}"`,
      "wait",
      "",
    ].join("\n"),
  );
  await chmod(path.join(binDir, "npm"), 0o755);
  return {
    binDir,
    hasStarted: () => existsSync(started),
    pids: async () => (await readFile(pids, "utf8")).split("\n").filter(Boolean).map(Number),
  };
}

/** Whether a process still runs; a zombie (dead, not yet reaped by its new parent) does not. */
async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  return !/\) Z /.test(stat);
}

/** The processes of `pids` still running, once given a moment to die. */
async function survivors(pids: number[]): Promise<number[]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const running = (await Promise.all(pids.map(async (pid) => ((await isRunning(pid)) ? [pid] : [])))).flat();
    if (running.length === 0) return [];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (await Promise.all(pids.map(async (pid) => ((await isRunning(pid)) ? [pid] : [])))).flat();
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 20_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every file craftjs.json lists is in the project, as the CLI wrote it (.env, holding secrets, has no hash). */
async function projectIntact(app: string): Promise<void> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(app, "craftjs.json"), "utf8")));
  for (const [file, entry] of Object.entries(manifest.files)) {
    const content = await readFile(path.join(app, file), "utf8");
    if (entry.hash) expect(hashContent(content), file).toBe(entry.hash);
  }
}

/** Runs the CLI with a fake install that never ends, sends it SIGINT once the install runs; the result and its pids. */
async function interruptedInstall(cwd: string, args: string[]) {
  const npm = await hangingNpm(cwd);
  const cli = execa(process.execPath, [BIN, ...args], {
    cwd,
    env: cliEnv({ PATH: pathWith(npm.binDir) }),
    extendEnv: false,
    stdin: "ignore",
    reject: false,
    timeout: 30_000,
  });
  await until(npm.hasStarted, "the fake install to start");
  const pids = await npm.pids();
  cli.kill("SIGINT");
  return { result: await cli, pids };
}

describe("Ctrl-C during the install", () => {
  it("without a terminal (SIGINT to the CLI alone): stops the install's whole process tree, exits 130, says how to finish", async () => {
    const cwd = await tempDir();
    const { result, pids } = await interruptedInstall(cwd, ["app", "--no-git"]);

    expect(result.exitCode, result.stderr).toBe(130);
    expect(await survivors(pids)).toEqual([]);
    const stderr = stripVTControlCharacters(result.stderr);
    expect(stderr).toContain("Interrupted: `npm install` was stopped, with every process it started.");
    expect(stderr).toMatch(
      /The project was written to app and is kept\. To finish by hand:\n\s+cd app\n\s+npm install\n\s+npm run db:generate -- --name init\n\s+npm run db:migrate\n\s+npm run dev$/,
    );
    await projectIntact(path.join(cwd, "app"));
  });

  it("with --json: one JSON object, code CANCELLED, with the commands that finish", async () => {
    const cwd = await tempDir();
    const { result, pids } = await interruptedInstall(cwd, ["app", "--json"]);

    expect(result.exitCode).toBe(130);
    expect(await survivors(pids)).toEqual([]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      code: "CANCELLED",
      failedCommand: "npm install",
      directory: path.join(cwd, "app"),
      finishByHand: ["cd app", "npm install", "npm run db:generate -- --name init", "npm run db:migrate", "npm run dev"],
    });
  });

  /** util-linux `script` gives the CLI a pseudo-terminal: Ctrl-C is a keystroke the terminal turns into SIGINT. */
  const SCRIPT = "/usr/bin/script";

  it.skipIf(!existsSync(SCRIPT))("on a terminal, with the spinner running: the same, and no raw-mode exit 0", async () => {
    const cwd = await tempDir();
    const npm = await hangingNpm(cwd);
    const flags = "--db sqlite --ai openai --payments stripe --storage local --ratelimit memory --oauth github --install --no-git";
    const cli = execa(SCRIPT, ["-qfec", `stty cols 120 rows 40; exec "${process.execPath}" "${BIN}" app ${flags}`, "/dev/null"], {
      cwd,
      env: cliEnv({ PATH: pathWith(npm.binDir) }),
      extendEnv: false,
      stdin: "pipe",
      reject: false,
      timeout: 30_000,
    });
    // Enter takes the suggested answer of any question still asked (a summary to confirm), until the install runs.
    const confirm = setInterval(() => cli.stdin?.write("\r"), 300);
    try {
      await until(npm.hasStarted, "the fake install to start");
    } finally {
      clearInterval(confirm);
    }
    const pids = await npm.pids();

    cli.stdin?.write("\x03");
    const result = await cli;

    const screen = stripVTControlCharacters(result.stdout);
    expect(result.exitCode, screen).toBe(130);
    expect(await survivors(pids)).toEqual([]);
    expect(screen).toContain("Interrupted: `npm install` was stopped");
    expect(screen).toMatch(/To finish by hand:\r?\n\s+cd app\r?\n\s+npm install/);
    await projectIntact(path.join(cwd, "app"));
  });
});
