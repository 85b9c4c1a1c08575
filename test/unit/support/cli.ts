import { execFileSync } from "node:child_process";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { execa } from "execa";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const BIN = path.join(ROOT, "bin", "create-craftjs.js");
export const CLI_TIMEOUT_MS = 60_000;

export const isRoot = process.getuid?.() === 0;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function distIsStale(): boolean {
  const entry = path.join(ROOT, "dist", "cli.js");
  const sources = Math.max(newestMtime(path.join(ROOT, "src")), newestMtime(path.join(ROOT, "templates")));
  return !existsSync(entry) || statSync(entry).mtimeMs < sources;
}

/**
 * Builds dist/ when it is missing or older than src/ or templates/ (`npm test` builds first, a bare `vitest run` may
 * not).
 * Test files run in parallel workers, so the build is serialized with a lock directory.
 */
export async function ensureBuilt(): Promise<void> {
  if (!distIsStale()) return;
  const lock = path.join(os.tmpdir(), "create-craftjs-unit-build.lock");
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the build lock ${lock}`);
      const lockedAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > 120_000) rmSync(lock, { force: true, recursive: true }); // left by a killed run
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (distIsStale()) {
      try {
        execFileSync(process.execPath, [path.join(ROOT, "scripts", "build.js")], { cwd: ROOT, stdio: "pipe" });
      } catch (error) {
        const { stdout = "", stderr = "" } = error as { stdout?: Buffer | string; stderr?: Buffer | string };
        throw new Error(`Building dist/ for the CLI tests failed (node scripts/build.js):\n${stdout}${stderr}`);
      }
    }
  } finally {
    rmSync(lock, { force: true, recursive: true });
  }
}

/**
 * The environment the CLI runs in: the suite's own, made hermetic. No CI (so the no-TTY rule alone decides that it
 * never prompts), no npm script variables (so the package manager is npm unless a test says otherwise), no colors,
 * no git variables and no git identity (a test that wants one passes GIT_CONFIG_GLOBAL).
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (name === "CI" || name === "INIT_CWD" || name === "FORCE_COLOR") continue;
    if (name.startsWith("npm_") || name.startsWith("GIT_")) continue;
    env[name] = value;
  }
  Object.assign(env, { NO_COLOR: "1", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" });
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface CliResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, without colors. */
  output: string;
  timedOut: boolean;
}

/** Runs the built CLI to completion: stdin closed (it can never wait for an answer), a timeout, no colors. */
export async function runCli(
  args: string[],
  { cwd, env = {}, timeout = CLI_TIMEOUT_MS }: { cwd: string; env?: Record<string, string | undefined>; timeout?: number },
): Promise<CliResult> {
  const result = await execa(process.execPath, [BIN, ...args], {
    cwd,
    env: cliEnv(env),
    extendEnv: false,
    stdin: "ignore",
    timeout,
    reject: false,
    all: true,
  });
  return {
    exitCode: result.exitCode,
    stdout: stripVTControlCharacters(result.stdout),
    stderr: stripVTControlCharacters(result.stderr),
    output: stripVTControlCharacters(result.all ?? ""),
    timedOut: result.timedOut,
  };
}

/** A PATH that finds the fake commands in `binDir` first, then everything the suite itself can run (node, git). */
export function pathWith(binDir: string): string {
  return [binDir, process.env.PATH ?? ""].join(path.delimiter);
}

export interface FakeNpm {
  binDir: string;
  /** Each call as "<cwd>|<args>", in order. */
  calls(): Promise<{ cwd: string; args: string }[]>;
}

/**
 * An executable `npm` in a fresh bin directory that records every call, prints "fake npm ran: <args>" and exits 0,
 * or, for the subcommand named by `failOn`, prints a message on stderr and exits 1.
 */
export async function fakeNpm(dir: string, { failOn }: { failOn?: string } = {}): Promise<FakeNpm> {
  const binDir = path.join(dir, "fake-bin");
  const log = path.join(dir, "npm-calls.log");
  await mkdir(binDir, { recursive: true });
  const failure = failOn
    ? `if [ "$1" = "${failOn}" ]; then echo "npm ERR! fake ${failOn} failure" >&2; exit 1; fi\n`
    : "";
  await writeFile(path.join(binDir, "npm"), `#!/bin/sh\necho "$PWD|$*" >> "${log}"\necho "fake npm ran: $*"\n${failure}exit 0\n`);
  await chmod(path.join(binDir, "npm"), 0o755);
  return {
    binDir,
    async calls() {
      const text = await readFile(log, "utf8").catch(() => "");
      return text
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          const [cwd = "", args = ""] = line.split("|");
          return { cwd, args };
        });
    },
  };
}

/** A git config file with an identity, for GIT_CONFIG_GLOBAL. */
export async function gitIdentity(dir: string): Promise<string> {
  const file = path.join(dir, "gitconfig");
  await writeFile(file, "[user]\n\tname = CraftJS Test\n\temail = test@craftjs.invalid\n[init]\n\tdefaultBranch = main\n");
  return file;
}
