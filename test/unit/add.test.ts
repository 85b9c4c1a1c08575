import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { hashContent, manifestSchema } from "../../src/manifest.js";
import { cliEnv, ensureBuilt, fakeNpm, gitIdentity, pathWith, runCli } from "./support/cli.js";
import { projectFrom0_1_0 } from "./support/fixture.js";
import { dotenv } from "./support/plan.js";
import { useTempDirs } from "./support/temp.js";
import { exists, snapshotTree } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-add-");

beforeAll(ensureBuilt, 120_000);

/** A project rendered by the CLI (no install, no git) with `flags`; returns its folder. */
async function project(
  flags: string[] = ["--no-api-keys", "--oauth", "none", "--payments", "none", "--storage", "none"],
): Promise<string> {
  const cwd = await tempDir();
  const result = await runCli(["app", "--no-install", "--no-git", ...flags], { cwd });
  expect(result.exitCode, result.output).toBe(0);
  return path.join(cwd, "app");
}

const add = (root: string, ...args: string[]) => runCli(["add", ...args], { cwd: root });
const read = (root: string, file: string) => readFile(path.join(root, file), "utf8");
const append = async (root: string, file: string, text: string) => writeFile(path.join(root, file), (await read(root, file)) + text);
const manifestOf = async (root: string) => manifestSchema.parse(JSON.parse(await read(root, "craftjs.json")));

/** The add --json result's action for each file it lists. */
async function actions(root: string, ...args: string[]): Promise<Record<string, string>> {
  const result = await add(root, ...args, "--json");
  const parsed = JSON.parse(result.stdout) as { files: { path: string; action: string }[] };
  return Object.fromEntries(parsed.files.map((file) => [file.path, file.action]));
}

describe("add: items and refusals", () => {
  it("is refused with no craftjs.json in --cwd or above, changing nothing", async () => {
    const cwd = await tempDir();
    const result = await runCli(["add", "api-keys", "--cwd", cwd], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/No craftjs\.json in .* or any folder above it/);
    expect(await snapshotTree(cwd)).toEqual({});
  });

  it("refuses an invalid option of its own with its flag, not a stack trace", async () => {
    const cwd = await tempDir();
    const result = await runCli(["add", "chats", "--cwd", ""], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("--cwd:");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("finds the project from a folder inside it", async () => {
    const root = await project();
    const result = await runCli(["add", "chats", "--cwd", "src/lib"], { cwd: root });
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain(`Adding chats to ${root}`);
  });

  it("refuses an unknown item with the list of items, and a provider without its name", async () => {
    const root = await project();
    const unknown = await add(root, "stripe");
    expect([unknown.exitCode, unknown.stderr]).toEqual([1, expect.stringMatching(/Unknown item "stripe"\.\nItems: auth, health, me, sessions, chats, chat, api-keys, /)]);
    const bare = await add(root, "ratelimit");
    expect([bare.exitCode, bare.stderr]).toEqual([1, expect.stringContaining("add ratelimit: it needs one of memory, redis")]);
    const none = await add(root, "ratelimit", "none");
    expect([none.exitCode, none.stderr]).toEqual([1, expect.stringContaining('add ratelimit: "none" is not one of memory, redis')]);
  });

  it("refuses what conflicts with the project's choices: another database, two providers of one kind", async () => {
    const root = await project();
    const before = await snapshotTree(root);
    const database = await add(root, "db", "postgres");
    expect([database.exitCode, database.stderr]).toEqual([1, expect.stringContaining("this project uses db sqlite")]);
    const twoAis = await add(root, "ai", "anthropic", "ai", "google");
    expect([twoAis.exitCode, twoAis.stderr]).toEqual([1, expect.stringContaining("a project has one ai")]);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it("gives one JSON object for a refusal with --json: ok false, a code and the message", async () => {
    const root = await project();
    const result = await add(root, "db", "postgres", "--json");
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      code: "INVALID_OPTIONS",
      message: expect.stringContaining("this project uses db sqlite"),
    });
  });

  it("gives one JSON object with --json when the command line itself is refused, or no project is found", async () => {
    const root = await project();
    const unknownFlag = await add(root, "chats", "--frobnicate", "--json");
    expect([unknownFlag.exitCode, JSON.parse(unknownFlag.stdout)]).toEqual([
      1,
      { ok: false, code: "INVALID_OPTIONS", message: "unknown option '--frobnicate'" },
    ]);
    const elsewhere = await tempDir();
    const noProject = await runCli(["add", "chats", "--json"], { cwd: elsewhere });
    expect([noProject.exitCode, JSON.parse(noProject.stdout)]).toEqual([
      1,
      { ok: false, code: "FAILED", message: expect.stringMatching(/No craftjs\.json/) },
    ]);
  });

  it("refuses a package.json that is not JSON, and a project made by a newer CLI, changing nothing", async () => {
    const root = await project();
    await writeFile(path.join(root, "package.json"), "{ broken");
    const before = await snapshotTree(root);
    const broken = await add(root, "api-keys");
    expect([broken.exitCode, broken.stderr]).toEqual([1, expect.stringMatching(/package\.json is not valid JSON .*nothing was changed/)]);
    expect(broken.stderr).not.toMatch(/\n\s+at /);

    const manifest = JSON.parse(await read(root, "craftjs.json"));
    await writeFile(path.join(root, "craftjs.json"), JSON.stringify({ ...manifest, cliVersion: "99.0.0" }));
    const newer = await add(root, "chats");
    expect([newer.exitCode, newer.stderr]).toEqual([1, expect.stringContaining("npx create-craftjs@99.0.0 add")]);
    expect(await snapshotTree(root)).toEqual({ ...before, "craftjs.json": expect.any(String) });
  });

  it("lists every item and marks what the project has", async () => {
    const root = await project();
    const result = await add(root, "--list", "--json");
    const { items } = JSON.parse(result.stdout) as { items: { key: string; present: boolean }[] };
    const present = items.filter((item) => item.present).map((item) => item.key);
    expect(present).toEqual(["auth", "health", "me", "sessions", "chats", "chat", "db sqlite", "ai openai", "email console", "ratelimit memory"]);
    expect(items.map((item) => item.key)).toEqual(expect.arrayContaining(["api-keys", "ratelimit redis", "oauth github", "ai anthropic", "payments polar"]));
    expect(items.map((item) => item.key)).not.toContain("payments none");
  });
});

describe("add: each file's state", () => {
  it("creates, updates and merges, and records the new choices and hashes", async () => {
    const root = await project();
    await append(root, "src/lib/db/schema/index.ts", 'export * from "./my-tables";\n');
    expect(await actions(root, "api-keys", "ratelimit", "redis", "--dry-run")).toMatchObject({
      "src/lib/auth/api-keys.ts": "create",
      "src/lib/auth/plugins.ts": "update",
      "src/lib/ratelimit/counter.ts": "update",
      "src/lib/db/schema/index.ts": "merge",
      "package.json": "merge",
    });
    const result = await add(root, "api-keys", "ratelimit", "redis", "--no-install");
    expect(result.exitCode, result.output).toBe(0);

    expect(await read(root, "src/lib/db/schema/index.ts")).toBe(
      'export * from "./auth";\nexport * from "./chats";\nexport * from "./usage";\nexport * from "./my-tables";\nexport * from "./api-keys";\n',
    );
    const manifest = await manifestOf(root);
    expect(manifest.choices).toMatchObject({ apiKeys: true, ratelimit: "redis" });
    expect(manifest.command).toContain("--api-keys --cors-origins none");
    const counter = await read(root, "src/lib/ratelimit/counter.ts");
    expect(manifest.files["src/lib/ratelimit/counter.ts"]).toEqual({ owner: "ratelimit redis", kind: "owned", hash: hashContent(counter) });
    expect(manifest.files["src/lib/auth/api-keys.ts"]).toMatchObject({ owner: "api-keys", kind: "owned" });
  });

  it("keeps the user's dependency, script and env variable, and adds its own without touching theirs", async () => {
    const root = await project();
    const pkg = JSON.parse(await read(root, "package.json"));
    pkg.dependencies["left-pad"] = "^1.3.0";
    pkg.dependencies.zod = "^4.0.0";
    pkg.scripts.lint = "eslint .";
    await writeFile(path.join(root, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
    await append(root, ".env", "MY_SETTING=kept\n");
    const envBefore = await read(root, ".env");

    const result = await add(root, "api-keys", "ratelimit", "redis", "--no-install");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain("zod: kept your ^4.0.0");
    const after = JSON.parse(await read(root, "package.json"));
    expect(after.dependencies).toMatchObject({ "left-pad": "^1.3.0", zod: "^4.0.0", ioredis: expect.any(String), "@better-auth/api-key": expect.any(String) });
    expect(after.scripts.lint).toBe("eslint .");
    const env = await read(root, ".env");
    expect(env.startsWith(envBefore)).toBe(true);
    expect(dotenv(env)).toMatchObject({ MY_SETTING: "kept", REDIS_URL: "redis://127.0.0.1:6379" });
    expect(dotenv(await read(root, ".env.example"))).toHaveProperty("RATE_LIMIT_WHEN_STORE_DOWN");
  });

  /** The user's resolution of every conflict: the new version's side of each. */
  const takeTheirs = (text: string) => text.replace(/^<<<<<<< yours\n[^]*?^=======\n([^]*?)^>>>>>>> [^\n]*\n?/gm, "$1");

  it("writes a conflict with markers and every other change; --continue waits for them to go, then finishes", async () => {
    const root = await project();
    const counter = "src/lib/ratelimit/counter.ts";
    const edited = (await read(root, counter)).replace("const windows = new Map", "const windows = /* mine */ new Map");
    await writeFile(path.join(root, counter), edited);

    const stopped = await add(root, "ratelimit", "redis", "--no-install");
    expect(stopped.exitCode).toBe(1);
    expect(stopped.stdout).toMatch(/conflict\s+src\/lib\/ratelimit\/counter\.ts/);
    expect(stopped.stderr).toContain("1 file conflicts with your edits; every other change is written");
    expect(stopped.stderr).toContain("create-craftjs add --continue");
    const marked = await read(root, counter);
    expect(marked).toMatch(/^<<<<<<< yours\n[^]*\/\* mine \*\/[^]*^=======\n[^]*^>>>>>>> create-craftjs \d/m);
    expect(JSON.parse(await read(root, "package.json")).dependencies).toHaveProperty("ioredis");
    // craftjs.json waits for the resolution; what is pending is in the CLI's own folder, which git ignores.
    expect((await manifestOf(root)).choices.ratelimit).toBe("memory");
    expect(await read(root, ".craftjs/.gitignore")).toMatch(/^\*$/m);
    const another = await add(root, "api-keys", "--no-install");
    expect([another.exitCode, another.stderr]).toEqual([1, expect.stringContaining("An earlier run stopped on conflicts")]);

    const early = await add(root, "--continue", "--no-install");
    expect(early.exitCode).toBe(1);
    expect(early.stderr).toContain(`Still unresolved:\n  ${counter}`);
    await writeFile(path.join(root, counter), takeTheirs(marked));
    const finished = await add(root, "--continue", "--no-install");
    expect(finished.exitCode, finished.output).toBe(0);
    expect((await manifestOf(root)).choices.ratelimit).toBe("redis");
    expect(await exists(path.join(root, ".craftjs/pending.json"))).toBe(false);
    expect(await read(root, counter)).toContain('redis.call("INCR"');
  });

  it("with --conflicts new-file leaves the conflicting file as it is and writes the new version beside it", async () => {
    const root = await project();
    const counter = "src/lib/ratelimit/counter.ts";
    const edited = (await read(root, counter)).replace("const windows = new Map", "const windows = /* mine */ new Map");
    await writeFile(path.join(root, counter), edited);
    const stopped = await add(root, "ratelimit", "redis", "--no-install", "--conflicts", "new-file");
    expect(stopped.exitCode).toBe(1);
    expect(stopped.stderr).toContain(`take what you want from ${counter}.craftjs-new, then delete it`);
    expect(await read(root, counter)).toBe(edited);
    expect(await read(root, `${counter}.craftjs-new`)).toContain('redis.call("INCR"');
    expect((await add(root, "--continue", "--no-install")).exitCode).toBe(1);
    await rm(path.join(root, `${counter}.craftjs-new`));
    expect((await add(root, "--continue", "--no-install")).exitCode).toBe(0);
  });

  it("--force takes the new version and says where the user's copy went, in the git-ignored .craftjs/backup", async () => {
    const root = await project();
    const counter = "src/lib/ratelimit/counter.ts";
    const edited = (await read(root, counter)).replace("const windows = new Map", "const windows = /* mine */ new Map");
    await writeFile(path.join(root, counter), edited);
    const forced = await add(root, "ratelimit", "redis", "--no-install", "--force");
    expect(forced.exitCode, forced.output).toBe(0);
    const copy = /src\/lib\/ratelimit\/counter\.ts: overwritten; your copy is (\.craftjs\/backup\/\S+)/.exec(forced.stdout)?.[1];
    expect(copy, forced.stdout).toBeDefined();
    expect(await read(root, copy!)).toBe(edited);
    expect(await read(root, ".craftjs/.gitignore")).toMatch(/^\*$/m);
    expect(await read(root, counter)).toContain('redis.call("INCR"');
  });

  it("regenerates a route's files with --force even where the user's edits would merge", async () => {
    const root = await project();
    const route = "src/app/api/chats/route.ts";
    const original = await read(root, route);
    await writeFile(path.join(root, route), `// mine\n${original}`);
    expect((await add(root, "chats", "--no-install")).stdout).toContain("Nothing to do");
    const forced = await add(root, "chats", "--no-install", "--force");
    expect(forced.exitCode, forced.output).toBe(0);
    expect(forced.stdout).toContain(`${route}: overwritten; your copy is .craftjs/backup/`);
    expect(await read(root, route)).toBe(original);
  });

  it("merges a Better Auth plugin of the user's own with the one add api-keys brings, each list entry on its line", async () => {
    const root = await project();
    const plugins = "src/lib/auth/plugins.ts";
    await writeFile(
      path.join(root, plugins),
      (await read(root, plugins))
        .replace('import type { BetterAuthPlugin } from "better-auth";', 'import type { BetterAuthPlugin } from "better-auth";\nimport { audit } from "@/lib/audit";')
        .replace(/(export const authPlugins = \[\n.*\n)/, "$1  audit.plugin,\n"),
    );
    const result = await add(root, "api-keys", "--no-install");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toMatch(/merge\s+src\/lib\/auth\/plugins\.ts \(your edits kept\)/);
    const merged = await read(root, plugins);
    expect(merged).toMatch(/export const authPlugins = \[\n.*\n {2}audit\.plugin,\n {2}apiKeyAuth\.plugin,\n\]/);
  });

  it("takes payments out with payments none: its files go, its tables and their data stay, its variables retire", async () => {
    const root = await project(["--no-api-keys", "--oauth", "none", "--storage", "none"]);
    const result = await add(root, "payments", "none", "--no-install");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toMatch(/keep\s+src\/lib\/db\/schema\/billing\.ts \(its tables keep their data/);
    for (const gone of ["src/app/api/checkout/route.ts", "src/lib/billing/provider.ts", "src/app/(app)/billing/page.tsx"]) {
      expect(await exists(path.join(root, gone)), gone).toBe(false);
    }
    // No folder is left empty, and the schema still exports the kept module: no migration drops its tables.
    expect(await exists(path.join(root, "src/app/api/checkout"))).toBe(false);
    expect(await read(root, "src/lib/db/schema/index.ts")).toContain('export * from "./billing";');
    expect(await read(root, "src/config/navigation.ts")).not.toContain("/billing");
    expect(dotenv(await read(root, ".env.example"))).not.toHaveProperty("STRIPE_SECRET_KEY");
    expect(JSON.parse(await read(root, "package.json")).dependencies).not.toHaveProperty("stripe");
    expect((await manifestOf(root)).choices.payments).toBe("none");
    expect((await add(root, "payments", "none", "--no-install")).stdout).toContain("Nothing to do");
  });

  it("remove: takes a feature, an OAuth provider and storage out as add switches, and refuses what every app needs", async () => {
    const root = await project(["--api-keys", "--oauth", "github,google", "--payments", "none", "--storage", "s3"]);
    const remove = (...args: string[]) => runCli(["remove", ...args, "--no-install"], { cwd: root });
    await append(root, ".env", "GITHUB_CLIENT_ID=the-users-id\n");

    const result = await remove("api-keys", "oauth", "github", "storage");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain(`Removing api-keys, oauth github, storage from ${root}`);
    const { choices } = await manifestOf(root);
    expect([choices.apiKeys, choices.oauth, choices.storage]).toEqual([false, ["google"], "none"]);
    expect(await exists(path.join(root, "src/app/api/upload"))).toBe(false);
    expect(await read(root, "src/lib/auth/plugins.ts")).not.toMatch(/apiKey/i);
    expect(dotenv(await read(root, ".env.example"))).not.toHaveProperty("GITHUB_CLIENT_ID");
    expect(dotenv(await read(root, ".env.example"))).toHaveProperty("GOOGLE_CLIENT_ID");
    // The tables of what went keep their data; its variables' values stay in .env, commented out.
    for (const module of ["api-keys", "uploads"]) {
      expect(await read(root, "src/lib/db/schema/index.ts")).toContain(`export * from "./${module}";`);
    }
    expect(await read(root, ".env")).toMatch(/^# GITHUB_CLIENT_ID=the-users-id$/m);

    expect((await remove("storage")).stdout).toContain("Nothing to do: the project has no storage.");
    for (const [args, message] of [
      [["ai"], /Cannot remove ai: every app has one ai provider; switch with create-craftjs add ai </],
      [["db"], /Cannot remove db: the database holds your data/],
      [["chats"], /Cannot remove chats: every app has its routes/],
      [["oauth"], /remove oauth: name which, one of github, google/],
      [["payments", "stripe"], /Cannot remove payments stripe: this project uses payments none/],
      [["nonsense"], /Unknown item "nonsense"\.\nRemovable: api-keys, payments, storage, oauth <github\|google>\./],
    ] as const) {
      const refused = await remove(...args);
      expect([refused.exitCode, refused.stderr], args.join(" ")).toEqual([1, expect.stringMatching(message)]);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("recreates a deleted route file, then has nothing to do", async () => {
    const root = await project();
    const route = "src/app/api/chats/route.ts";
    const original = await read(root, route);
    await rm(path.join(root, route));
    expect((await actions(root, "chats"))[route]).toBe("create");
    expect(await read(root, route)).toBe(original);
    const again = await add(root, "chats");
    expect([again.exitCode, again.stdout]).toEqual([0, expect.stringContaining("Nothing to do")]);
  });

  it("leaves a file the user deleted alone when the item does not need it", async () => {
    const root = await project();
    await rm(path.join(root, "src/app/api/health/route.ts"));
    const result = await add(root, "api-keys", "--no-install");
    expect(result.exitCode, result.output).toBe(0);
    expect(await exists(path.join(root, "src/app/api/health/route.ts"))).toBe(false);
  });

  it("switches the AI provider, replacing its SDK when the user left it at the pinned version", async () => {
    const root = await project();
    await append(root, ".env", "OPENAI_API_KEY=sk-test-123\n");
    const result = await add(root, "ai", "anthropic", "--no-install");
    expect(result.exitCode, result.output).toBe(0);
    const { dependencies } = JSON.parse(await read(root, "package.json"));
    expect(dependencies).toHaveProperty("@ai-sdk/anthropic");
    expect(dependencies).not.toHaveProperty("@ai-sdk/openai");
    expect(await read(root, "src/lib/ai/provider.ts")).toContain("@ai-sdk/anthropic");
    // OpenAI's variables leave .env.example; in .env they are commented out with a note, their values kept.
    expect(result.stdout).toContain("- OPENAI_API_KEY from .env.example (no longer read)");
    expect(dotenv(await read(root, ".env.example"))).not.toHaveProperty("OPENAI_API_KEY");
    expect(dotenv(await read(root, ".env.example"))).toHaveProperty("ANTHROPIC_API_KEY");
    const env = await read(root, ".env");
    expect(dotenv(env)).not.toHaveProperty("OPENAI_API_KEY");
    expect(env).toMatch(/# No longer read by the app \(create-craftjs add ai anthropic\).*\n# OPENAI_API_KEY=sk-test-123\n/);
  });

  it("deletes a file the CLI no longer writes when untouched, and keeps it when edited", async () => {
    const root = await project();
    const manifest = JSON.parse(await read(root, "craftjs.json"));
    for (const [file, content] of [["src/old-untouched.ts", "old\n"], ["src/old-edited.ts", "old\n"]] as const) {
      await writeFile(path.join(root, file), content);
      manifest.files[file] = { owner: "core", kind: "owned", hash: hashContent(content) };
    }
    await writeFile(path.join(root, "craftjs.json"), JSON.stringify(manifest));
    await append(root, "src/old-edited.ts", "mine\n");
    expect(await actions(root, "chats")).toMatchObject({ "src/old-untouched.ts": "delete", "src/old-edited.ts": "keep" });
    expect(await exists(path.join(root, "src/old-untouched.ts"))).toBe(false);
    expect(await read(root, "src/old-edited.ts")).toBe("old\nmine\n");
  });

  it("changes nothing with --dry-run, and shows every diff with --diff", async () => {
    const root = await project();
    const before = await snapshotTree(root);
    const result = await add(root, "api-keys", "--dry-run", "--diff");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain("Dry run: nothing is written");
    expect(result.stdout).toContain('+export * from "./api-keys";');
    expect(await snapshotTree(root)).toEqual(before);
  });
});

describe("add: install and migrations", () => {
  it("installs and generates a new, named migration when dependencies and the schema change", async () => {
    const root = await project();
    const npm = await fakeNpm(path.dirname(root));
    const result = await runCli(["add", "api-keys"], { cwd: root, env: { PATH: pathWith(npm.binDir) } });
    expect(result.exitCode, result.output).toBe(0);
    expect((await npm.calls()).map((call) => call.args)).toEqual([
      "install",
      "run db:generate -- --name add_api_keys",
      "run db:migrate",
    ]);
  });

  it("forgets Next's type-check cache after its install, which would name the packages the install replaced", async () => {
    const root = await project();
    const cache = path.join(root, ".next", "cache", ".tsbuildinfo");
    await mkdir(path.dirname(cache), { recursive: true });
    await writeFile(cache, "{}");
    const npm = await fakeNpm(path.dirname(root));
    const result = await runCli(["add", "api-keys"], { cwd: root, env: { PATH: pathWith(npm.binDir) } });
    expect(result.exitCode, result.output).toBe(0);
    expect(await exists(cache)).toBe(false);
  });

  it("brings billing into a project without payments: its routes, its tables through a new migration, its SDK", async () => {
    const root = await project();
    const npm = await fakeNpm(path.dirname(root));
    const result = await runCli(["add", "payments", "stripe"], { cwd: root, env: { PATH: pathWith(npm.binDir) } });
    expect(result.exitCode, result.output).toBe(0);
    expect((await npm.calls()).map((call) => call.args)).toEqual(["install", "run db:generate -- --name add_payments_stripe", "run db:migrate"]);
    expect(await exists(path.join(root, "src/app/api/webhooks/[provider]/route.ts"))).toBe(true);
    expect(await read(root, "src/lib/db/schema/index.ts")).toContain('export * from "./billing"');
    expect(JSON.parse(await read(root, "package.json")).dependencies).toHaveProperty("stripe");
    expect(dotenv(await read(root, ".env.example"))).toHaveProperty("STRIPE_WEBHOOK_SECRET");
    expect((await manifestOf(root)).choices.payments).toBe("stripe");
  });

  it("runs nothing when a route's files are restored", async () => {
    const root = await project();
    const npm = await fakeNpm(path.dirname(root));
    await rm(path.join(root, "src/app/api/chat/route.ts"));
    const result = await runCli(["add", "chat"], { cwd: root, env: { PATH: pathWith(npm.binDir) } });
    expect(result.exitCode, result.output).toBe(0);
    expect(await npm.calls()).toEqual([]);
  });
});

describe("add: a project made by create-craftjs 0.1.0", () => {
  async function fixtureCopy(): Promise<string> {
    const root = path.join(await tempDir(), "craftjs-0.1.0");
    await projectFrom0_1_0(root);
    return root;
  }

  it("upgrades its manifest and takes add api-keys, bringing its untouched files to this version", async () => {
    const root = await fixtureCopy();
    const result = await add(root, "api-keys", "--no-install");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toContain("craftjs.json is from create-craftjs 0.1.0");
    const manifest = await manifestOf(root);
    // 0.1.0 had no payments or storage: its project has none, not today's defaults.
    expect(manifest).toMatchObject({ manifestVersion: 2, name: "craftjs-0.1.0", choices: { apiKeys: true, payments: "none", storage: "none" } });
    expect(await read(root, "src/lib/auth/server.ts")).toContain("plugins: authPlugins");
    expect(await read(root, "src/lib/api/credentials.ts")).toContain("apiKeyCredential");
  });

  it("merges a file the user edited against the version its git history holds", async () => {
    const root = await fixtureCopy();
    const env = { GIT_CONFIG_GLOBAL: await gitIdentity(path.dirname(root)) };
    const git = (...args: string[]) => execa("git", args, { cwd: root, env: cliEnv(env), extendEnv: false });
    await git("init", "--quiet");
    await git("add", "-A");
    await git("commit", "--quiet", "-m", "Initial commit from create-craftjs");
    const server = "src/lib/auth/server.ts";
    // A line today's version leaves as it was (the email options changed the emailAndPassword line itself).
    const mine = 'trustedOrigins: [...trustedOriginPatterns, "https://admin.example.com"],';
    await writeFile(path.join(root, server), (await read(root, server)).replace("trustedOrigins: trustedOriginPatterns,", mine));

    const result = await add(root, "api-keys", "--no-install");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.stdout).toMatch(/merge\s+src\/lib\/auth\/server\.ts \(your edits kept\)/);
    const merged = await read(root, server);
    expect(merged).toContain(mine);
    expect(merged).toContain("plugins: authPlugins");
    expect(merged).toContain("sendResetPassword:");
  });

  it("refuses an edited file it has no base for (no git history), showing the diff", async () => {
    const root = await fixtureCopy();
    await append(root, "src/lib/auth/server.ts", "// mine\n");
    const result = await add(root, "api-keys", "--no-install");
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/conflict\s+src\/lib\/auth\/server\.ts \(you edited it, and the version the CLI wrote is not at hand/);
  });
});
