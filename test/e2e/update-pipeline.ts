import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { execa } from "execa";
import fs from "fs-extra";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { appEnv, run, type RunningApp, startApp } from "../../scripts/lib/local-app.js";
import { renderProject } from "../../src/plan.js";
import { CLI_VERSION } from "../../src/version.js";
import { versions } from "../../src/versions.js";
import { gitIdentity } from "../unit/support/cli.js";
import { editAsUser, type FixtureVersion, projectFrom, USER_EDITS } from "../unit/support/fixture.js";
import { dotenv } from "../unit/support/plan.js";
import { UPDATE_PIPELINE } from "./combinations.js";
import { CLI } from "./support/cli.js";
import { Browser } from "./support/http.js";
import { installedPins, pinProblems } from "./support/installed-tree.js";
import { Pipeline } from "./support/pipeline.js";

/**
 * A project create-craftjs 0.3.0 made (the fixture, with the first migration its first run generated), committed,
 * edited by its user and committed again, then carried to this version by `create-craftjs update` with a real install
 * and migrations. The result must be, file for file, what this version renders for its choices with the user's edits
 * made on top (so everything the combinations prove of a fresh app holds for it: the same code, type-checked, linted
 * and tested there), install one copy of each pin, and build (type-checking it), start and serve a signed-up user, the
 * tables this version adds included.
 */
export function describeUpdatedProject(): void {
  const version: FixtureVersion = "0.3.0";
  describe(`project updated from create-craftjs ${version}`, () => {
    const pipeline = new Pipeline(UPDATE_PIPELINE);
    let workDir = "";
    let root = "";
    let app: RunningApp | undefined;
    const read = (file: string) => readFile(path.join(root, file), "utf8");
    const sha256 = async (file: string) => createHash("sha256").update(await read(file)).digest("hex");
    const npm = (script: string) => run("npm", ["run", script], { cwd: root });
    let firstMigration = "";

    beforeAll(async () => {
      workDir = await mkdtemp(path.join(os.tmpdir(), `craftjs-e2e-${UPDATE_PIPELINE}-`));
      root = path.join(workDir, `craftjs-${version}`);
    });

    afterAll(async () => {
      if (pipeline.failed && app) console.log(`[e2e ${UPDATE_PIPELINE}] the app's output:\n${app.output().slice(-6000)}`);
      await app?.stop();
      if (process.env.CRAFTJS_E2E_KEEP) console.log(`[e2e ${UPDATE_PIPELINE}] kept the project at ${root}`);
      else await rm(workDir, { recursive: true, force: true });
      console.log(pipeline.summary());
    });

    pipeline.step(`is a ${version} project, committed as made, then edited by its user and committed`, async () => {
      await projectFrom(version, root);
      const env = appEnv({ GIT_CONFIG_GLOBAL: await gitIdentity(workDir) });
      const git = (...args: string[]) => execa("git", args, { cwd: root, env, extendEnv: false });
      await git("init", "--quiet");
      await git("add", "-A");
      await git("commit", "--quiet", "-m", `Initial commit from create-craftjs ${version}`);
      await editAsUser(root);
      await git("add", "-A");
      await git("commit", "--quiet", "-m", "Our edits");
      firstMigration = await sha256("drizzle/0000_init.sql");
    });

    pipeline.step("update: merges, installs afresh and migrates with no TTY", async () => {
      const result = await execa("node", [CLI, "update", "--yes", "--json"], { cwd: root, reject: false, stdin: "ignore" });
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
      const outcome = JSON.parse(result.stdout) as { files: { path: string; action: string }[]; steps: { id: string; ok: boolean }[] };
      expect(outcome.files.filter((file) => file.action === "conflict")).toEqual([]);
      expect(outcome.files).toContainEqual(expect.objectContaining({ path: "README.md", action: "merge" }));
      expect(outcome.steps.map((step) => [step.id, step.ok])).toEqual([
        ["install", true],
        ["generate", true],
        ["migrate", true],
      ]);
    });

    pipeline.step("kept every edit, moved the pins, appended a migration and installed one copy of each pin", async () => {
      const manifest = JSON.parse(await read("craftjs.json"));
      expect([manifest.cliVersion, manifest.updates]).toEqual([CLI_VERSION, [{ from: version, to: CLI_VERSION, at: expect.any(String) }]]);
      expect(await read(USER_EDITS.ownFile[0])).toBe(USER_EDITS.ownFile[1]);
      expect(await read(USER_EDITS.routeNote[0])).toMatch(new RegExp(`^${USER_EDITS.routeNote[1]}`));
      expect(await read("README.md")).toContain(USER_EDITS.readmeNote);
      expect(await read(".env")).toContain(USER_EDITS.envLine);
      const pkg = JSON.parse(await read("package.json"));
      expect(pkg.dependencies).toMatchObject({ [USER_EDITS.dependency[0]]: USER_EDITS.dependency[1], next: versions.next });
      expect(await sha256("drizzle/0000_init.sql")).toBe(firstMigration);
      const migrations = (await readdir(path.join(root, "drizzle"))).filter((name) => name.endsWith(".sql")).sort();
      const updateMigration = `0001_update_${CLI_VERSION.replaceAll(".", "_")}.sql`;
      expect(migrations).toEqual(["0000_init.sql", updateMigration]);
      expect(await read(`drizzle/${updateMigration}`)).toMatch(/CREATE TABLE [`"]ai_usage[`"]/);
      expect(pinProblems(root)).toEqual([]);
      expect(installedPins(root).has("next")).toBe(true);
    });

    pipeline.step("is file for file what this version renders for its choices, with the user's edits on top", async () => {
      const manifest = JSON.parse(await read("craftjs.json"));
      const fresh = path.join(workDir, "fresh");
      const { files } = renderProject(manifest.name, manifest.choices);
      for (const file of files) await fs.outputFile(path.join(fresh, file.path), file.content);
      await editAsUser(fresh);
      const differing: string[] = [];
      for (const { path: file } of files) {
        if (file === "craftjs.json" || file === ".env") continue; // hashes and update history; secrets of its own
        const [updated, expected] = await Promise.all([read(file), readFile(path.join(fresh, file), "utf8")]);
        const same = SAME_BY_MEANING[file]?.(updated, expected) ?? updated === expected;
        if (!same) differing.push(file);
      }
      expect(differing).toEqual([]);
    });

    pipeline.step("builds (type-checking it), starts and serves a signed-up user this version's routes", async () => {
      await npm("build");
      app = await startApp(root);
      const browser = new Browser(app.url);
      expect((await browser.get("/api/health")).status).toBe(200);
      expect((await browser.signUp("updated@example.com")).status).toBe(200);
      const me = await browser.get("/api/me");
      expect([me.status, me.json?.plan?.id]).toEqual([200, "free"]);
      // GET /api/usage and its table arrived with the update.
      const usage = await browser.get("/api/usage");
      expect([usage.status, usage.json?.tokens?.used]).toEqual([200, 0]);
    });
  });
}

/**
 * Files update merges by key, which may order them otherwise than a fresh render: package.json's entries, and
 * .env.example's new variables, appended after the user's lines (no existing line is rewritten).
 */
const SAME_BY_MEANING: Record<string, (updated: string, expected: string) => boolean> = {
  "package.json": (updated, expected) => isDeepStrictEqual(JSON.parse(updated), JSON.parse(expected)),
  ".env.example": (updated, expected) => isDeepStrictEqual(dotenv(updated), dotenv(expected)),
};
