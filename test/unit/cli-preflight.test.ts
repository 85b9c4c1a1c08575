import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, symlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingServices, SERVICES } from "../e2e/support/services.js";
import { ensureBuilt, fakeNpm, pathWith, runCli } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";

const tempDir = useTempDirs("craftjs-preflight-");

beforeAll(ensureBuilt, 120_000);

function findOnPath(command: string): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, command))) return path.join(dir, command);
  }
  throw new Error(`${command} is not on PATH`);
}

/** A directory holding only `node` and `git`: a PATH on which no package manager can be found. */
async function pathWithoutPackageManagers(dir: string): Promise<string> {
  const bin = path.join(dir, "bare-bin");
  await mkdir(bin);
  await symlink(process.execPath, path.join(bin, "node"));
  await symlink(findOnPath("git"), path.join(bin, "git"));
  return bin;
}

/** The entries of the working directory besides the fake npm's: what the CLI wrote there. */
async function written(cwd: string): Promise<string[]> {
  return (await readdir(cwd)).filter((entry) => entry !== "fake-bin" && entry !== "npm-calls.log" && entry !== "bare-bin");
}

describe("a package manager that is not on the PATH", () => {
  it("is refused before anything is written, with how to install it or pick another", async () => {
    const cwd = await tempDir();
    const result = await runCli(["app", "--package-manager", "pnpm", "--no-git"], { cwd, env: { PATH: await pathWithoutPackageManagers(cwd) } });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("pnpm is not installed");
    expect(result.stderr).toContain("corepack enable pnpm");
    expect(result.stderr).toContain("npm install -g pnpm");
    expect(result.stderr).toMatch(/Or pick another: --package-manager npm/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await written(cwd)).toEqual([]);
  });

  it("is refused when detected from the command that started the CLI (yarn create), and by --dry-run too", async () => {
    const cwd = await tempDir();
    const env = { PATH: await pathWithoutPackageManagers(cwd), npm_config_user_agent: "yarn/1.22.22 npm/? node/v20.20.2" };
    const result = await runCli(["app", "--no-git"], { cwd, env });
    const dryRun = await runCli(["app", "--dry-run"], { cwd, env });

    expect([result.exitCode, dryRun.exitCode]).toEqual([1, 1]);
    expect(result.stderr).toContain("yarn is not installed: yarn (it started create-craftjs)");
    expect(result.stderr).toContain("corepack enable yarn");
    expect(dryRun.stderr).toContain("yarn is not installed");
    expect(await written(cwd)).toEqual([]);
  });

  it("does not matter with --no-install", async () => {
    const cwd = await tempDir();
    const result = await runCli(["app", "--package-manager", "bun", "--no-install", "--no-git"], {
      cwd,
      env: { PATH: await pathWithoutPackageManagers(cwd) },
    });

    expect(result.exitCode, result.output).toBe(0);
    expect(await written(cwd)).toEqual(["app"]);
  });
});

/** A port on this machine that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A PostgreSQL server that refuses every password, as a real one answers a wrong one: it asks for the password in
 * clear text, then sends the FATAL error 28P01.
 */
async function serverRefusingPasswords(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer((socket) => {
    let stage: "startup" | "password" | "refused" = "startup";
    socket.on("data", () => {
      if (stage === "startup") socket.write(message("R", int32(3))); // AuthenticationCleartextPassword
      if (stage === "password") {
        const fields = ["SFATAL", "VFATAL", "C28P01", 'Mpassword authentication failed for user "postgres"'];
        socket.end(message("E", Buffer.concat([...fields.map((field) => Buffer.from(`${field}\0`)), Buffer.from([0])])));
      }
      stage = stage === "startup" ? "password" : "refused";
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

/** A backend message: its type byte, its length (itself included), its body. */
function message(type: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
}

describe("the PostgreSQL server, checked before anything is written or installed", () => {
  it("refuses an unreachable server, naming the host, the port and the driver's reason, with the fix", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const port = await closedPort();
    const url = `postgres://postgres@127.0.0.1:${port}/app`;
    const result = await runCli(["app", "--db", "postgres", "--database-url", url, "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port})`);
    expect(result.stderr).toContain(`--database-url postgres://USER:PASSWORD@127.0.0.1:${port}/app`);
    expect(result.stderr).toContain("--no-migrate");
    expect(await written(cwd)).toEqual([]);
    expect(await npm.calls()).toEqual([]);
  });

  it("under --json, refuses it as one object with code DATABASE_UNAVAILABLE and where it looked", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const port = await closedPort();
    const url = `postgres://postgres@127.0.0.1:${port}/app`;
    const result = await runCli(["app", "--db", "postgres", "--database-url", url, "--json"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      code: "DATABASE_UNAVAILABLE",
      host: "127.0.0.1",
      port,
      database: "app",
      reason: expect.stringContaining("ECONNREFUSED"),
    });
  });

  it("refuses a wrong password with the server's words and where to put the right one", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const server = await serverRefusingPasswords();
    try {
      const url = `postgres://postgres:wrong@127.0.0.1:${server.port}/app`;
      const result = await runCli(["app", "--db", "postgres", "--database-url", url, "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        `PostgreSQL at 127.0.0.1:${server.port} refused user "postgres" (password authentication failed for user "postgres")`,
      );
      expect(result.stderr).toContain(`Give a user and password it accepts: --database-url postgres://USER:PASSWORD@127.0.0.1:${server.port}/app`);
      expect(result.stderr).not.toContain("wrong");
      expect(await written(cwd)).toEqual([]);
      expect(await npm.calls()).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it.each([["--no-install"], ["--no-migrate"]])("is not checked with %s: the project is written", async (flag) => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/app`;
    const result = await runCli(["app", "--db", "postgres", "--database-url", url, flag, "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).not.toContain("PostgreSQL server");
    expect(await written(cwd)).toEqual(["app"]);
  });
});

/** Where the suite may make and drop databases and roles (CI: user postgres, trust auth). */
const ADMIN_URL = process.env.CRAFTJS_E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const noPostgres = (await missingServices(["postgres"], "the CLI's PostgreSQL database checks")).length > 0;

async function admin(sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(noPostgres)(`on a real PostgreSQL server (${SERVICES.postgres.host}:${SERVICES.postgres.port})`, () => {
  const suffix = randomBytes(4).toString("hex");
  const database = `craftjs_unit_${suffix}`;
  const role = `craftjs_unit_nocreate_${suffix}`;
  const urlOf = (user: string, name: string) => {
    const url = new URL(ADMIN_URL);
    url.username = user;
    url.pathname = `/${name}`;
    return url.toString();
  };

  afterAll(async () => {
    await admin(`drop database if exists ${database} with (force)`);
    await admin(`drop role if exists ${role}`);
  });

  it("creates the app's database when it is missing and says so; a second app on it takes it as it is", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const url = urlOf(new URL(ADMIN_URL).username, database);
    const first = await runCli(["first", "--db", "postgres", "--database-url", url, "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(first.exitCode, first.output).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`Created database ${database} on `));
    expect(await admin(`select 1 from pg_database where datname = '${database}'`)).toHaveLength(1);

    const second = await runCli(["second", "--db", "postgres", "--database-url", url, "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });
    expect(second.exitCode, second.output).toBe(0);
    expect(second.stdout).not.toContain("Created database");
    expect((await npm.calls()).map((call) => call.args)).toContain("install");
  });

  it("refuses a missing database the user may not create, with the command that creates it", async () => {
    await admin(`create role ${role} login`);
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const missing = `${database}_missing`;
    const result = await runCli(["app", "--db", "postgres", "--database-url", urlOf(role, missing), "--no-git"], {
      cwd,
      env: { PATH: pathWith(npm.binDir) },
    });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`The database "${missing}" does not exist on`);
    expect(result.stderr).toContain(`user "${role}" cannot create it (permission denied to create database)`);
    expect(result.stderr).toMatch(new RegExp(`createdb -h \\S+ -p \\d+ -U postgres ${missing}`));
    expect(await written(cwd)).toEqual([]);
    expect(await admin(`select 1 from pg_database where datname = '${missing}'`)).toHaveLength(0);
  });
});
