import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { manifestSchema } from "../../src/manifest.js";
import { versions } from "../../src/versions.js";
import { CLI_VERSION } from "../../src/version.js";
import { cliEnv, ensureBuilt, gitIdentity, runCli } from "./support/cli.js";
import { editAsUser, type FixtureVersion, projectFrom } from "./support/fixture.js";
import { hasTerminal, keys, runOnTerminal } from "./support/terminal.js";
import { useTempDirs } from "./support/temp.js";
import { exists, snapshotTree } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-update-");

beforeAll(ensureBuilt, 120_000);

const update = (root: string, ...args: string[]) => runCli(["update", ...args], { cwd: root });
const read = (root: string, file: string) => readFile(path.join(root, file), "utf8");
const edit = async (root: string, file: string, change: (text: string) => string) =>
  writeFile(path.join(root, file), change(await read(root, file)));
const manifestOf = async (root: string) => manifestSchema.parse(JSON.parse(await read(root, "craftjs.json")));

/**
 * A project an older create-craftjs made, committed as it was made, then edited by its user and committed again: an
 * own file, a dependency, an env variable, a route, a page and an aggregate (the README).
 */
async function editedProject(version: FixtureVersion): Promise<string> {
  const root = path.join(await tempDir(), `craftjs-${version}`);
  await projectFrom(version, root);
  const env = { GIT_CONFIG_GLOBAL: await gitIdentity(path.dirname(root)) };
  const git = (...args: string[]) => execa("git", args, { cwd: root, env: cliEnv(env), extendEnv: false });
  await git("init", "--quiet");
  await git("add", "-A");
  await git("commit", "--quiet", "-m", `Initial commit from create-craftjs ${version}`);
  await editAsUser(root);
  await git("add", "-A");
  await git("commit", "--quiet", "-m", "Our edits");
  return root;
}

describe("update", () => {
  it("is refused outside a project with a sentence, and writes nothing", async () => {
    const cwd = await tempDir();
    const result = await update(cwd);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/No craftjs\.json in .* or any folder above it/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshotTree(cwd)).toEqual({});
  });

  it("says there is nothing to do for a project this version made", async () => {
    const cwd = await tempDir();
    expect((await runCli(["app", "--yes", "--no-install", "--no-git"], { cwd })).exitCode).toBe(0);
    const result = await update(path.join(cwd, "app"));
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain(`Nothing to do: the project is already at create-craftjs ${CLI_VERSION}.`);
  });

  for (const version of ["0.3.0", "0.1.0"] as const) {
    it(`carries a ${version} project to this version, keeping every edit`, async () => {
      const root = await editedProject(version);
      const dryRun = await update(root, "--dry-run", "--diff");
      expect(dryRun.exitCode, dryRun.output).toBe(0);
      expect(dryRun.stdout).toContain(`Updating ${root} from create-craftjs ${version} to ${CLI_VERSION}`);
      expect(await manifestOf(root).catch(() => undefined)).toSatisfy((manifest) => manifest?.cliVersion !== CLI_VERSION);

      const result = await update(root, "--yes", "--no-install", "--no-migrate");
      expect(result.exitCode, result.output).toBe(0);
      expect(result.stdout).toMatch(/merge\s+README\.md \(your edits kept\)/);

      const manifest = await manifestOf(root);
      expect(manifest.cliVersion).toBe(CLI_VERSION);
      expect(manifest.updates).toEqual([{ from: version, to: CLI_VERSION, at: expect.any(String) }]);
      // This version's files arrive; the user's own stay as they were.
      expect(await exists(path.join(root, "components.json"))).toBe(true);
      expect(await read(root, "src/lib/mine.ts")).toBe("export const mine = 1;\n");
      expect(await read(root, "README.md")).toContain("Deploys go through staging first.");
      expect(await read(root, "src/app/api/health/route.ts")).toMatch(/^\/\/ Checked by our uptime monitor\./);
      expect(await read(root, ".env")).toContain("MY_OWN_SETTING=kept");
      // Dependencies move to the new pins; the user's own stays.
      const pkg = JSON.parse(await read(root, "package.json"));
      expect(pkg.dependencies).toMatchObject({ "left-pad": "1.3.0", next: versions.next, clsx: versions.clsx });
      expect(pkg.dependencies["@radix-ui/react-dropdown-menu"]).toBe(versions["@radix-ui/react-dropdown-menu"]);
      expect(pkg.overrides).toMatchObject({ "aria-hidden": versions["aria-hidden"] });

      // Run again, it has nothing left to do.
      const again = await update(root, "--yes", "--no-install", "--no-migrate");
      expect(again.exitCode, again.output).toBe(0);
      expect(again.stdout).toContain("Nothing to do");
    });
  }

  it("stops on a change that cannot be merged with markers in the file, and --continue finishes the update", async () => {
    const root = await editedProject("0.3.0");
    // A line the new version changes too: the header's width.
    const shell = "src/components/shell/app-shell.tsx";
    await edit(root, shell, (text) => text.replace("max-w-6xl", "max-w-7xl"));
    const stopped = await update(root, "--no-install", "--no-migrate", "--allow-dirty", "--yes");
    expect(stopped.exitCode).toBe(1);
    expect(stopped.stdout).toMatch(/conflict\s+src\/components\/shell\/app-shell\.tsx/);
    expect(stopped.stderr).toContain("create-craftjs update --continue");
    expect(await read(root, shell)).toMatch(/^<<<<<<< yours$/m);
    expect((await manifestOf(root)).cliVersion).toBe("0.3.0");
    await edit(root, shell, (text) => text.replace(/^<<<<<<< yours\n[^]*?^=======\n([^]*?)^>>>>>>> [^\n]*\n?/gm, "$1"));
    const finished = await update(root, "--continue", "--no-install", "--no-migrate");
    expect(finished.exitCode, finished.output).toBe(0);
    expect((await manifestOf(root)).cliVersion).toBe(CLI_VERSION);
  });

  it("is refused with --yes on a git tree with uncommitted changes, unless --allow-dirty", async () => {
    const root = await editedProject("0.3.0");
    await writeFile(path.join(root, "notes.txt"), "not committed\n");
    const refused = await update(root, "--yes", "--no-install", "--no-migrate");
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/1 uncommitted change in the project's git tree \(notes\.txt\).*--allow-dirty/s);
    expect((await manifestOf(root)).cliVersion).toBe("0.3.0");
    const allowed = await update(root, "--yes", "--no-install", "--no-migrate", "--allow-dirty");
    expect(allowed.exitCode, allowed.output).toBe(0);
  });

  it.skipIf(!hasTerminal)("asks on a terminal, file by file: keep mine for one conflict, take the new version for another", async () => {
    const root = await editedProject("0.3.0");
    const shell = "src/components/shell/app-shell.tsx";
    const plans = "src/config/plans.ts";
    await edit(root, shell, (text) => text.replace("max-w-6xl", "max-w-7xl"));
    await edit(root, plans, (text) => text.replace('"10 API requests a minute"', '"10 API calls a minute"'));
    const [mine, ours] = [await read(root, shell), await read(root, plans)];

    const terminal = runOnTerminal(["update", "--no-install", "--no-migrate"], { cwd: root });
    onTestFinished(() => terminal.stop());
    await terminal.expect("uncommitted changes");
    await terminal.expect("Apply these changes?", keys.enter);
    await terminal.expect(`${shell}: your edits and the new version change the same lines`);
    await terminal.expect("Take the new version", `${keys.down}${keys.enter}`);
    await terminal.expect(`${plans}: your edits and the new version change the same lines`);
    await terminal.expect("Take the new version", `${keys.down}${keys.down}${keys.enter}`);
    await terminal.expect(`${plans}: overwritten; your copy is .craftjs/backup/`);
    const result = await terminal.finished;
    expect(result.exitCode, result.screen).toBe(0);

    expect(await read(root, shell)).toBe(mine);
    expect(await read(root, plans)).toContain("aiTokensPerMonth: 100_000,");
    const [stamp] = await readdir(path.join(root, ".craftjs", "backup"));
    expect(await read(root, `.craftjs/backup/${stamp}/${plans}`)).toBe(ours);
    // The copies are never committed by accident: the CLI's folder ignores itself.
    const status = await execa("git", ["status", "--porcelain"], { cwd: root });
    expect(status.stdout).not.toContain(".craftjs");
    expect((await manifestOf(root)).cliVersion).toBe(CLI_VERSION);
  });
});
