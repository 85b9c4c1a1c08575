import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { metaOf, optionKeys } from "../../src/options.js";
import { BIN, ensureBuilt, ROOT, runCli } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";

const tempDir = useTempDirs("craftjs-cli-");

beforeAll(ensureBuilt, 120_000);

describe("--version and --help", () => {
  it("prints the version from package.json", async () => {
    const { version } = JSON.parse(await readFile(`${ROOT}/package.json`, "utf8"));
    const result = await runCli(["--version"], { cwd: await tempDir() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it("lists every flag of the options schema, with the --no- forms", async () => {
    const result = await runCli(["--help"], { cwd: await tempDir() });
    expect(result.exitCode).toBe(0);
    for (const flag of ["--no-install", "--no-migrate", "--no-git", "--db", "--database-url", "--package-manager", "--dry-run", "--force", "--json", "--verbose", "--yes"]) {
      expect(result.stdout).toContain(flag);
    }
    for (const key of optionKeys) {
      const meta = metaOf(key);
      if (meta.flag.startsWith("[")) continue;
      expect(result.stdout, key).toContain(meta.flag.split(" ")[0]);
      if (meta.negatable) expect(result.stdout, key).toContain(`--no-${meta.flag.replace(/^--/, "")}`);
    }
    expect(result.stdout).toMatch(/Examples:\n {2}create-craftjs my-app .*\n {2}create-craftjs my-app --yes/);
  });

  it("lists the allowed database values", async () => {
    const result = await runCli(["--help"], { cwd: await tempDir() });
    expect(result.stdout).toMatch(/--db <name>\s+Database: sqlite \| postgres/);
  });
});

describe("an older Node.js", () => {
  // The machine's own Node (Debian's) is older than the floor here and in CI; a newer one cannot show the refusal.
  const oldNode = ["/usr/bin/node", "/usr/local/bin/node"].find((candidate) => {
    if (!existsSync(candidate)) return false;
    const [major = 0, minor = 0] = execFileSync(candidate, ["-p", "process.versions.node"], { encoding: "utf8" }).split(".").map(Number);
    return major < 22 || (major === 22 && minor < 12);
  });
  if (!oldNode) console.warn("SKIPPED: no Node.js older than 22.12 on this machine to prove the version refusal with");

  it.skipIf(!oldNode)("is refused in one sentence with exit 1, before anything is written", async () => {
    const cwd = await tempDir();
    const result = await execa(oldNode!, [BIN, "my-app", "--yes", "--no-install"], { cwd, reject: false, stdin: "ignore" });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toMatch(/^create-craftjs needs Node\.js 22\.12 or newer \(Node\.js 24 LTS recommended\); this is Node\.js \d+\.\d+\.\d+\.$/);
    expect(result.stdout).toBe("");
    expect(await readdir(cwd)).toEqual([]);
  });
});

describe("refusing bad input before anything is written", () => {
  it("refuses a name that is not a valid package name, saying it must be lowercase", async () => {
    const cwd = await tempDir();
    const result = await runCli(["My App", "--no-install", "--no-git"], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/must be lowercase/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it("refuses a path longer than the system allows in a sentence, not a stack trace", async () => {
    const cwd = await tempDir();
    const result = await runCli([`${"a".repeat(300)}/app`, "--no-install", "--no-git"], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Nothing was written to .*: a path is too long \(ENAMETOOLONG\)\.$/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it("refuses --db mysql, naming the flag, the allowed values and an example", async () => {
    const cwd = await tempDir();
    const result = await runCli(["app", "--db", "mysql"], { cwd });
    expect(result.exitCode).toBe(1);
    for (const text of ["--db", "mysql", "sqlite", "postgres", "Example:"]) expect(result.stderr).toContain(text);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(await readdir(cwd)).toEqual([]);
  });

  it("refuses --database-url with SQLite as an incompatible combination", async () => {
    const cwd = await tempDir();
    const result = await runCli(["app", "--database-url", "postgres://u@h:5432/d"], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("--database-url");
    expect(result.stderr).toContain("--db postgres");
    expect(await readdir(cwd)).toEqual([]);
  });

  it("refuses an unknown option and points at --help", async () => {
    const cwd = await tempDir();
    const result = await runCli(["app", "--frobnicate"], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
    expect(result.stderr).toContain("--help");
    expect(await readdir(cwd)).toEqual([]);
  });
});

describe("--dry-run", () => {
  it("writes nothing and lists the files, dependencies and commands", async () => {
    const cwd = await tempDir();
    const result = await runCli(["app", "--dry-run"], { cwd });
    expect(result.exitCode).toBe(0);
    expect(await readdir(cwd)).toEqual([]);
    expect(result.stdout).toMatch(/nothing is written/);
    expect(result.stdout).toMatch(/Files \(\d+\)[\s\S]*\n {2}package\.json +core, merged\n/);
    expect(result.stdout).toMatch(/\n {2}craftjs\.json +core, owned\n/);
    expect(result.stdout).toMatch(/\n {2}src\/app\/api\/chats\/route\.ts +chats, owned\n/);
    expect(result.stdout).toMatch(/\n {2}src\/lib\/auth\/plugins\.ts +core, aggregate\n/);
    expect(result.stdout).toMatch(/Dependencies[\s\S]*@libsql\/client@\d+\.\d+\.\d+/);
    expect(result.stdout).toMatch(/Commands\n {2}npm install\n {2}npm run db:generate -- --name init\n {2}npm run db:migrate/);
  });

  it("lists the first commit among the commands when --git is on, and not with --no-git", async () => {
    const cwd = await tempDir();
    const withGit = await runCli(["app", "--dry-run"], { cwd });
    const withoutGit = await runCli(["app", "--dry-run", "--no-git"], { cwd });
    const noInstall = await runCli(["app", "--dry-run", "--no-install", "--no-git"], { cwd });

    expect(withGit.stdout).toMatch(/Commands\n(?: {2}.*\n){3} {2}git init && git add -A && git commit -m "Initial commit from create-craftjs"/);
    expect(withoutGit.stdout).not.toContain("git init");
    expect(noInstall.stdout).toMatch(/Commands\n {2}--no-install: no install, so no migrations either/);
  });

  it("with --json prints the plan as one JSON document and writes nothing", async () => {
    const cwd = await tempDir();
    const result = await runCli(["app", "--dry-run", "--json", "--db", "postgres"], { cwd });
    expect(result.exitCode).toBe(0);
    expect(await readdir(cwd)).toEqual([]);
    const plan = JSON.parse(result.stdout);
    expect(plan).toMatchObject({ ok: true, dryRun: true });
    const paths = plan.files.map((file: { path: string }) => file.path);
    expect(paths).toEqual(expect.arrayContaining(["package.json", "craftjs.json", ".env", ".env.example", ".gitignore"]));
    expect(plan.choices).toMatchObject({ db: "postgres", packageManager: "npm" });
    expect(plan.dependencies).toHaveProperty("pg");
    expect(plan.commands).toEqual([
      "npm install",
      "npm run db:generate -- --name init",
      "npm run db:migrate",
      'git init && git add -A && git commit -m "Initial commit from create-craftjs"',
    ]);
  });
});
