import { writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { cliEnv, ensureBuilt, fakeNpm, gitIdentity, pathWith, runCli } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";
import { exists } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-create-");

beforeAll(ensureBuilt, 120_000);

/** git in a generated project, free of the suite's own GIT_* variables (a hook's GIT_DIR would point elsewhere). */
async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await execa("git", args, { cwd, env: cliEnv(), extendEnv: false, stdin: "ignore" })).stdout.trim();
}

describe("without a terminal and with only a directory", () => {
  it("never prompts, takes the defaults and says so, writes the app, then installs, generates and migrates", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const result = await runCli(["app"], { cwd, env: { PATH: pathWith(npm.binDir), CI: undefined } });

    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toMatch(/--db sqlite \(default\)/);
    expect(await exists(path.join(cwd, "app", "package.json"))).toBe(true);
    expect(await exists(path.join(cwd, "app", "craftjs.json"))).toBe(true);
    expect(await npm.calls()).toEqual([
      { cwd: path.join(cwd, "app"), args: "install" },
      { cwd: path.join(cwd, "app"), args: "run db:generate -- --name init" },
      { cwd: path.join(cwd, "app"), args: "run db:migrate" },
    ]);
    expect(result.stdout).toMatch(/Next steps:\n\s+cd app\n\s+npm run dev/);
  });

  it("makes a git repository with one commit holding every file when git has an identity", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const identity = await gitIdentity(cwd);
    const result = await runCli(["app"], { cwd, env: { PATH: pathWith(npm.binDir), GIT_CONFIG_GLOBAL: identity } });

    expect(result.exitCode, result.output).toBe(0);
    const app = path.join(cwd, "app");
    expect(await git(app, "rev-list", "--count", "HEAD")).toBe("1");
    expect(await git(app, "log", "-1", "--format=%an <%ae>")).toBe("CraftJS Test <test@craftjs.invalid>");
    expect(await git(app, "status", "--porcelain")).toBe("");
    const tracked = (await git(app, "ls-files")).split("\n");
    expect(tracked).toEqual(expect.arrayContaining(["package.json", "craftjs.json", ".env.example", ".gitignore"]));
    expect(tracked).not.toContain(".env");
  });

  it("skips git without an identity and still succeeds", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const emptyConfig = path.join(cwd, "empty-gitconfig");
    await writeFile(emptyConfig, "");
    const result = await runCli(["app"], { cwd, env: { PATH: pathWith(npm.binDir), GIT_CONFIG_GLOBAL: emptyConfig } });

    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toMatch(/No git identity.*skipped git init/);
    expect(await exists(path.join(cwd, "app", ".git"))).toBe(false);
    expect(await exists(path.join(cwd, "app", "package.json"))).toBe(true);
  });

  it("with --json prints exactly one JSON document on stdout: ok, the choices and the steps", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const result = await runCli(["app", "--json"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode, result.output).toBe(0);
    const parsed = JSON.parse(result.stdout); // throws if anything else shares stdout
    expect(parsed).toMatchObject({
      ok: true,
      name: "app",
      directory: path.join(cwd, "app"),
      choices: { db: "sqlite", packageManager: "npm" },
      git: "skipped",
    });
    expect(parsed.steps.map((step: { command: string; ok: boolean }) => [step.command, step.ok])).toEqual([
      ["npm install", true],
      ["npm run db:generate -- --name init", true],
      ["npm run db:migrate", true],
    ]);
    expect(result.stdout.trim().startsWith("{")).toBe(true);
    expect(result.stdout.trim().endsWith("}")).toBe(true);
  });
});

describe("step output, git and next steps", () => {
  it("hides the steps' own output by default and streams it with --verbose", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const quiet = await runCli(["quiet", "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });
    const verbose = await runCli(["loud", "--no-git", "--verbose"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(quiet.exitCode, quiet.output).toBe(0);
    expect(quiet.output).not.toContain("fake npm ran");
    expect(verbose.exitCode, verbose.output).toBe(0);
    expect(verbose.stdout).toContain("fake npm ran: install");
    expect(verbose.stdout).toContain("fake npm ran: run db:migrate");
  });

  it("with --json --verbose streams the steps' output to stderr, keeping stdout one JSON document", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const result = await runCli(["app", "--json", "--verbose", "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode, result.output).toBe(0);
    expect(JSON.parse(result.stdout).ok).toBe(true);
    expect(result.stderr).toContain("fake npm ran: install");
  });

  it("skips git init inside an existing repository", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const identity = await gitIdentity(cwd);
    await execa("git", ["init", "--quiet"], { cwd, env: cliEnv({ GIT_CONFIG_GLOBAL: identity }), extendEnv: false, stdin: "ignore" });
    const result = await runCli(["app"], { cwd, env: { PATH: pathWith(npm.binDir), GIT_CONFIG_GLOBAL: identity } });

    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toMatch(/Inside an existing git repository: skipped git init/);
    expect(await exists(path.join(cwd, "app", ".git"))).toBe(false);
  });

  it("with --no-install runs nothing, says the migrations are skipped too, and lists them in the next steps", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const result = await runCli(["app", "--no-install", "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode, result.output).toBe(0);
    expect(await npm.calls()).toEqual([]);
    expect(result.stdout).toContain("--no-install: no install, so no migrations either (they need the dependencies)");
    expect(result.stdout).toMatch(/Next steps:\n\s+cd app\n\s+npm install\n\s+npm run db:generate -- --name init\n\s+npm run db:migrate\n\s+npm run dev/);
  });

  it("with --no-migrate lists the migration commands in the next steps", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd);
    const result = await runCli(["app", "--no-migrate", "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode, result.output).toBe(0);
    expect((await npm.calls()).map((call) => call.args)).toEqual(["install"]);
    expect(result.stdout).toContain("--no-migrate: the database migration is not made.");
    expect(result.stdout).toMatch(/Next steps:\n\s+cd app\n\s+npm run db:generate -- --name init\n\s+npm run db:migrate\n\s+npm run dev/);
  });
});

describe("a failing install or migration", () => {
  it("names the failed command, keeps the project and says how to finish by hand; exit code 1", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd, { failOn: "install" });
    const result = await runCli(["app"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("`npm install` failed");
    expect(result.stderr).toContain("npm ERR! fake install failure");
    expect(result.stderr).toMatch(/is kept\. To finish by hand:\n\s+cd app\n\s+npm install\n\s+npm run db:generate -- --name init\n\s+npm run db:migrate\n\s+npm run dev/);
    expect(await exists(path.join(cwd, "app", "package.json"))).toBe(true);
    expect((await npm.calls()).map((call) => call.args)).toEqual(["install"]);
  });

  it("with --json reports the failure as one JSON document: ok false, the failed command, how to finish", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd, { failOn: "install" });
    const result = await runCli(["app", "--json"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: false, failedCommand: "npm install", directory: path.join(cwd, "app") });
    expect(report.output).toContain("npm ERR! fake install failure");
    expect(report.finishByHand).toEqual(["cd app", "npm install", "npm run db:generate -- --name init", "npm run db:migrate", "npm run dev"]);
  });

  it("lists the first commit among the commands to finish when git would make it", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd, { failOn: "install" });
    const identity = await gitIdentity(cwd);
    const result = await runCli(["app"], { cwd, env: { PATH: pathWith(npm.binDir), GIT_CONFIG_GLOBAL: identity } });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /npm run db:migrate\n\s+git init && git add -A && git commit -m "Initial commit from create-craftjs"\n\s+npm run dev/,
    );
  });

  it("after a failed migration, lists only the commands still to run", async () => {
    const cwd = await tempDir();
    const npm = await fakeNpm(cwd, { failOn: "run" });
    const result = await runCli(["app", "--no-git"], { cwd, env: { PATH: pathWith(npm.binDir) } });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("`npm run db:generate -- --name init` failed");
    const byHand = result.stderr.slice(result.stderr.indexOf("To finish by hand"));
    expect(byHand).not.toMatch(/npm install/);
    expect(byHand).toMatch(/npm run db:generate -- --name init\n\s+npm run db:migrate/);
  });


  it(
    "reports a real npm install that cannot reach its registry",
    async () => {
      const cwd = await tempDir();
      const result = await runCli(["app", "--no-git"], {
        cwd,
        timeout: 110_000,
        env: {
          npm_config_registry: "http://127.0.0.1:9/",
          npm_config_fetch_retries: "0",
          npm_config_fetch_timeout: "5000",
          npm_config_offline: "false",
          npm_config_prefer_offline: "false",
          npm_config_audit: "false",
          npm_config_fund: "false",
          // An empty cache: nothing can be installed without the registry.
          npm_config_cache: path.join(cwd, "npm-cache"),
        },
      });

      expect(result.timedOut).toBe(false);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain("`npm install` failed");
      expect(await exists(path.join(cwd, "app", "package.json"))).toBe(true);
    },
    120_000,
  );
});
