// Child processes for the bench: commands in a generated app, a `next start` server, and cleanup that always runs.
import { spawn } from "node:child_process";
import net from "node:net";
import { stripVTControlCharacters } from "node:util";
import { execa } from "execa";

/** The environment of a command run in a generated app: none of `npm run bench`'s own npm variables. */
export function appEnv(extra = {}) {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith("npm_") && name !== "INIT_CWD");
  return { ...Object.fromEntries(inherited), NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** Runs a command to completion and returns its output; on failure throws with the command and its output's tail. */
export async function run(command, args, { cwd, env = {} }) {
  const result = await execa(command, args, {
    cwd,
    env: appEnv(env),
    extendEnv: false,
    all: true,
    reject: false,
    stdin: "ignore",
  });
  const output = stripVTControlCharacters(result.all ?? "");
  if (result.failed) {
    const tail = output.trimEnd().split("\n").slice(-60).join("\n");
    throw new Error(`\`${command} ${args.join(" ")}\` failed in ${cwd} (exit ${result.exitCode}):\n${tail}`);
  }
  return output;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections at host:port within the timeout. */
export function reachable({ host, port }, timeoutMs = 1_000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Starts `next start` for a built app on a free port, in a process group of its own (so stopping it stops every
 * process it started), and waits until /api/health answers. `cleanup` stops it even if the bench fails.
 */
export async function startNext(cwd, cleanup) {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd,
    env: appEnv({ APP_URL: url, PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child.pid, "SIGTERM");
    const stopped = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
    if (!stopped) killGroup(child.pid, "SIGKILL");
  };
  cleanup.add(stop);

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output}`);
    const answered = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (answered) return { url, output: () => output, stop };
    await delay(100);
  }
  throw new Error(`next start did not answer within 60 s:\n${output}`);
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * What must be undone however the bench ends: servers to stop, folders to remove. Runs last-in first-out, once,
 * from `finally` or on Ctrl-C / SIGTERM.
 */
export class Cleanup {
  #tasks = [];
  #ran = false;

  constructor() {
    for (const signal of ["SIGINT", "SIGTERM"]) {
      process.once(signal, async () => {
        console.error(`\n${signal}: cleaning up…`);
        await this.run();
        process.exit(130);
      });
    }
  }

  add(task) {
    this.#tasks.push(task);
  }

  async run() {
    if (this.#ran) return;
    this.#ran = true;
    for (const task of this.#tasks.reverse()) {
      try {
        await task();
      } catch (error) {
        console.error(`cleanup failed: ${error.message}`);
      }
    }
  }
}
