// Running a generated app on this machine, shared by the end-to-end suite and the bench: commands in it, its server
// on a free port, and the probes both need. Plain JavaScript so that the bench runs it without a build step.
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { stripVTControlCharacters } from "node:util";
import { execa } from "execa";

/**
 * The environment of a command run in a generated app, as on a developer's or a server's machine: none of the npm
 * script variables of the caller's own `npm test` or `npm run bench`, and none of vitest's (`TEST`, `NODE_ENV=test`,
 * `VITEST*`), which would put the app's libraries in test mode (Better Auth, for one, then skips its origin checks).
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function appEnv(extra = {}) {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(npm_|VITEST)/.test(name) && !["INIT_CWD", "TEST", "NODE_ENV"].includes(name),
  );
  return { ...Object.fromEntries(inherited), NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/**
 * Runs a command to completion and returns its output; on failure throws with the command and its output's tail.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string> }} options `env` adds to appEnv()
 * @returns {Promise<string>}
 */
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

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * A free port whose next port is free too, for a server that puts a helper beside it (the browser tests' app on
 * E2E_PORT, their fake model on E2E_PORT + 1). Taken below Linux's ephemeral range (32768 and up), where no outgoing
 * connection and no `freePort()` ever lands, so the pair stays free until the servers bind it minutes later; and
 * never twice in one process.
 * @returns {Promise<number>}
 */
export async function freePortPair() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + 2 * Math.floor(Math.random() * 6_000);
    if (handedOut.has(port)) continue;
    if ((await canListen(port)) && (await canListen(port + 1))) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error("Found no two free ports side by side in 50 tries");
}

/** The pairs freePortPair has given out in this process. */
const handedOut = new Set();

/** @param {number} port */
function canListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * Whether something accepts TCP connections at host:port within the timeout.
 * @param {{ host: string, port: number }} address
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export function reachable({ host, port }, timeoutMs = 1_000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    /** @param {boolean} ok */
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
 * @typedef {object} RunningApp
 * @property {string} url
 * @property {() => string} output what the server printed so far
 * @property {() => number} cpuMs the CPU time (user and system) its processes have used so far, in ms (Linux)
 * @property {() => Promise<void>} stop stops the server and every process it started
 */

/**
 * Starts a built app (`next start`), or its development server (`mode: "dev"`), on a free port, in a process group
 * of its own, and waits until /api/health answers, whatever its status.
 * @param {string} cwd
 * @param {{ env?: Record<string, string>, mode?: "start" | "dev" }} [options] `env` adds to appEnv()
 * @returns {Promise<RunningApp>}
 */
export async function startApp(cwd, { env = {}, mode = "start" } = {}) {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = execa(process.execPath, ["node_modules/next/dist/bin/next", mode, "-p", String(port)], {
    cwd,
    env: appEnv({ APP_URL: url, PORT: String(port), ...env }),
    extendEnv: false,
    all: true,
    reject: false,
    stdin: "ignore",
    detached: true,
  });
  let output = "";
  child.all?.on("data", (chunk) => (output += chunk.toString()));
  /** @type {RunningApp} */
  const app = {
    url,
    output: () => output,
    cpuMs: () => (child.pid === undefined ? 0 : groupCpuMs(child.pid)),
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      killGroup(child.pid, "SIGTERM");
      const exited = await Promise.race([child.then(() => true), delay(5_000).then(() => false)]);
      if (!exited) killGroup(child.pid, "SIGKILL");
    },
  };
  // The development server compiles a route on its first request.
  const waitMs = mode === "dev" ? 90_000 : 30_000;
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next ${mode} exited early:\n${output}`);
    const answered = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (answered) return app;
    await delay(100);
  }
  await app.stop();
  throw new Error(`next ${mode} did not answer within ${waitMs / 1000} s:\n${output}`);
}

/**
 * The CPU time the live processes of a process group have used, in ms, from /proc (Linux): what a server spent,
 * whatever else the machine is busy with.
 * @param {number} group
 */
function groupCpuMs(group) {
  const ticksPerMs = 100 / 1000; // USER_HZ, 100 on Linux
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // After the command's name in parentheses: state, ppid, pgrp, ... utime (14th field), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerMs;
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
