import net from "node:net";
import { stripVTControlCharacters } from "node:util";
import { execa, type ResultPromise } from "execa";

/**
 * The environment of a command run in a generated app, as on a developer's or a server's machine: none of the npm
 * script variables of the suite's own `npm test`, and none of vitest's (`TEST`, `NODE_ENV=test`, `VITEST*`), which
 * would put the app's libraries in test mode (Better Auth, for one, then skips its origin checks).
 */
export function appEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(npm_|VITEST)/.test(name) && !["INIT_CWD", "TEST", "NODE_ENV"].includes(name),
  );
  return { ...Object.fromEntries(inherited), NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** Runs a command to completion; on failure the error carries the command and the tail of its output. */
export async function run(command: string, args: string[], cwd: string, env = appEnv()): Promise<string> {
  const result = await execa(command, args, { cwd, env, extendEnv: false, all: true, reject: false, stdin: "ignore" });
  const output = stripVTControlCharacters(result.all ?? "");
  if (result.failed) {
    const tail = output.trimEnd().split("\n").slice(-60).join("\n");
    throw new Error(`\`${command} ${args.join(" ")}\` failed in ${cwd} (exit ${result.exitCode}):\n${tail}`);
  }
  return output;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a built app (`next start`), or its development server (`mode: "dev"`), on a free port and waits until
 * /api/health answers, whatever its status.
 */
export async function startApp(
  cwd: string,
  env: Record<string, string> = {},
  mode: "start" | "dev" = "start",
): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child: ResultPromise = execa("node", ["node_modules/next/dist/bin/next", mode, "-p", String(port)], {
    cwd,
    env: appEnv({ APP_URL: url, PORT: String(port), ...env }),
    extendEnv: false,
    all: true,
    reject: false,
    stdin: "ignore",
    detached: true,
  });
  let output = "";
  child.all?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const app: RunningApp = {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      const exited = await Promise.race([child.then(() => true), delay(5_000).then(() => false)]);
      if (!exited) process.kill(-child.pid, "SIGKILL");
    },
  };
  // The development server compiles a route on its first request.
  const waitMs = mode === "dev" ? 90_000 : 30_000;
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output}`);
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
