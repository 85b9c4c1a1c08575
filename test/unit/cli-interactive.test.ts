import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { ensureBuilt } from "./support/cli.js";
import { dotenv } from "./support/plan.js";
import { hasTerminal, keys, runOnTerminal } from "./support/terminal.js";
import { useTempDirs } from "./support/temp.js";
import { exists } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-tty-");

beforeAll(ensureBuilt, 120_000);

const { enter, down, up, ctrlC, ctrlU, escape } = keys;

/** The CLI on a pseudo-terminal, ended when the test finishes however it finishes. */
function start(args: string[], options: Parameters<typeof runOnTerminal>[1]) {
  const terminal = runOnTerminal(args, options);
  onTestFinished(() => terminal.stop());
  return terminal;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
}

describe.skipIf(!hasTerminal)("on a terminal (needs /usr/bin/script)", () => {
  it("exits 130 and writes nothing when the first prompt is cancelled with Ctrl-C", async () => {
    const cwd = await tempDir();
    const terminal = start([], { cwd });

    await terminal.expect("Where should the app go?", ctrlC);
    const result = await terminal.finished;

    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(130);
    expect(result.screen).toContain("nothing was written");
    expect(await readdir(cwd)).toEqual([]);
  });

  it.each([
    ["CI is set", { CI: "true" }, []],
    ["--yes is given", {}, ["--yes"]],
  ])("never prompts when %s: it takes the defaults and writes the app", async (_label, env, flags) => {
    const cwd = await tempDir();
    const terminal = start(["app", "--no-install", "--no-git", ...flags], { cwd, env });

    const result = await terminal.finished;

    expect(result.timedOut, result.screen).toBe(false);
    expect(result.exitCode, result.screen).toBe(0);
    expect(result.screen).not.toMatch(/Which database\?/);
    expect(result.screen).toMatch(/--db sqlite \(default\)/);
    expect(await exists(path.join(cwd, "app", "craftjs.json"))).toBe(true);
  });

  it("creates the recommended app with two Enters: the folder, then the recommended setup", async () => {
    const cwd = await tempDir();
    const terminal = start(["--no-install", "--no-git"], { cwd });

    await terminal.expect("Where should the app go?", enter);
    await terminal.expect("Use the recommended setup?");
    await terminal.expect("Customize", enter);
    const result = await terminal.finished;

    expect(result.exitCode, result.screen).toBe(0);
    expect(result.screen).toMatch(/Yes, create it \(My Craftjs App, SQLite, OpenAI, Stripe, Local disk/);
    expect(result.screen).not.toMatch(/Which database\?|Create the app with these choices\?/);
    const manifest = await readJson(path.join(cwd, "my-craftjs-app", "craftjs.json"));
    expect(manifest.choices).toMatchObject({ db: "sqlite", ai: "openai", payments: "stripe", storage: "local" });
  });

  it("asks for every choice the flags offer (the advanced ones after Customize more), shows them all, then creates", async () => {
    const cwd = await tempDir();
    const terminal = start([], { cwd });

    await terminal.expect("Where should the app go?", `studio${enter}`);
    await terminal.expect("Use the recommended setup?", `${down}${enter}`);
    await terminal.expect("What should people see as the app's name?", `Studio One${enter}`);
    await terminal.expect("Which database?", enter);
    await terminal.expect("Which AI provider?", `${down}${down}${down}${enter}`);
    await terminal.expect("base URL", `http://127.0.0.1:8080/v1${enter}`);
    await terminal.expect("Which models", `qwen2.5:7b, llama3.2${enter}`);
    await terminal.expect("Which payment provider?", enter);
    await terminal.expect("Where should uploads be stored?", enter);
    await terminal.expect("Which OAuth sign-in providers?", enter);
    await terminal.expect("Install dependencies now?", `n${enter}`);
    await terminal.expect("Customize more (email, rate limits, API keys, CORS origins, package manager, git)?", `y${enter}`);
    await terminal.expect("How should the app send email?", `${down}${enter}`);
    await terminal.expect("Where are rate limits counted?", enter);
    await terminal.expect("API keys", `n${enter}`);
    await terminal.expect("More origins allowed", `https://admin.example.com${enter}`);
    await terminal.expect("Which package manager?", `${down}${enter}`);
    await terminal.expect("git repository", `n${enter}`);
    await terminal.expect("Create the app with these choices?");
    const summary = terminal.screen().slice(terminal.screen().lastIndexOf("Your app"));
    for (const line of [
      /Directory +studio/,
      /App name +Studio One/,
      /Database +SQLite/,
      /AI provider +OpenAI-compatible endpoint/,
      /AI base URL +http:\/\/127\.0\.0\.1:8080\/v1/,
      /AI models +qwen2\.5:7b, llama3\.2/,
      /Payments +Stripe/,
      /Email +Resend/,
      /Rate limits +In memory/,
      /OAuth sign-in +GitHub, Google/,
      /API keys +no/,
      /CORS origins +https:\/\/admin\.example\.com/,
      /Package manager +pnpm/,
      /Install +no/,
      /Git +no/,
    ]) {
      expect(summary).toMatch(line);
    }
    await terminal.expect("Create it", enter);
    const result = await terminal.finished;

    expect(result.exitCode, result.screen).toBe(0);
    const app = path.join(cwd, "studio");
    const manifest = await readJson(path.join(app, "craftjs.json"));
    expect(manifest.choices).toEqual({
      appName: "Studio One",
      db: "sqlite",
      ai: "openai-compatible",
      payments: "stripe",
      storage: "local",
      email: "resend",
      ratelimit: "memory",
      oauth: ["github", "google"],
      apiKeys: false,
      corsOrigins: ["https://admin.example.com"],
      packageManager: "pnpm",
    });
    const env = dotenv(await readFile(path.join(app, ".env"), "utf8"));
    expect(env.OPENAI_COMPATIBLE_BASE_URL).toBe("http://127.0.0.1:8080/v1");
    expect(env.OPENAI_COMPATIBLE_MODELS).toBe("qwen2.5:7b,llama3.2");
    expect(await exists(path.join(app, ".git"))).toBe(false);
  });

  it("goes back one question on Escape, the earlier answer kept, and Ctrl-C still cancels", async () => {
    const cwd = await tempDir();
    const terminal = start(["--no-install", "--no-git"], { cwd });

    await terminal.expect("Where should the app go?", `shop${enter}`);
    await terminal.expect("Use the recommended setup?", `${down}${enter}`);
    await terminal.expect("What should people see as the app's name?", `Shop Front${enter}`);
    await terminal.expect("Which database?", escape);
    // Back on the name, which starts from the answer given; Escape again reaches the recommended-setup question.
    await terminal.expect("What should people see as the app's name?", escape);
    await terminal.expect("Use the recommended setup?", `${down}${enter}`);
    await terminal.expect("What should people see as the app's name?", enter);
    await terminal.expect("Which database?", `${down}${enter}`);
    await terminal.expect("PostgreSQL connection string?", ctrlC);
    const result = await terminal.finished;

    expect(result.screen).toMatch(/◇ {2}What should people see as the app's name\?\r?\n│ {2}Shop Front\r?\n[^]*◇ {2}Which database\?\r?\n│ {2}PostgreSQL/);
    expect(result.exitCode).toBe(130);
    expect(await readdir(cwd)).toEqual([]);
  });

  it("marks the package managers that are not installed", async () => {
    const cwd = await tempDir();
    const flags = ["--app-name", "Shop", "--db", "sqlite", "--ai", "openai", "--payments", "none", "--storage", "none", "--oauth", "none"];
    const advanced = ["--email", "console", "--ratelimit", "memory", "--api-keys", "--cors-origins", "none"];
    // A PATH with only stty on it (the terminal's setup needs it): no package manager can be found.
    const bare = await tempDir();
    await symlink(execFileSync("sh", ["-c", "command -v stty"], { encoding: "utf8" }).trim(), path.join(bare, "stty"));
    const terminal = start(["shop", ...flags, ...advanced, "--no-install", "--no-git"], { cwd, env: { PATH: bare } });

    await terminal.expect("Customize more (package manager)?", `y${enter}`);
    await terminal.expect("Which package manager?", down);
    await terminal.expect("not installed", ctrlC);
    const result = await terminal.finished;

    expect(result.screen).toMatch(/npm \(not installed\)/);
    expect(result.screen).toMatch(/pnpm \(not installed\)/);
    expect(result.exitCode).toBe(130);
  });

  it("returns to the package manager when the one chosen is not installed, instead of ending after every question", async () => {
    const cwd = await tempDir();
    const flags = ["--app-name", "Shop", "--db", "sqlite", "--ai", "openai", "--payments", "none", "--storage", "none", "--oauth", "none"];
    const bare = await tempDir();
    await symlink(execFileSync("sh", ["-c", "command -v stty"], { encoding: "utf8" }).trim(), path.join(bare, "stty"));
    const terminal = start(["shop", ...flags, "--no-git"], { cwd, env: { PATH: bare } });

    await terminal.expect("Use the recommended setup?", enter);
    await terminal.expect("npm is not installed here: pick another package manager, or install later.");
    await terminal.expect("Which package manager?", enter);
    await terminal.expect("Install dependencies now?", `n${enter}`);
    const result = await terminal.finished;

    expect(result.exitCode, result.screen).toBe(0);
    expect(await exists(path.join(cwd, "shop", "craftjs.json"))).toBe(true);
    expect(await exists(path.join(cwd, "shop", "node_modules"))).toBe(false);
  });

  it("shows the PostgreSQL URL it takes when the suggested one is accepted, not a blank line", async () => {
    const cwd = await tempDir();
    const terminal = start(["--no-install", "--no-git"], { cwd });

    await terminal.expect("Where should the app go?", `shop${enter}`);
    await terminal.expect("Use the recommended setup?", `${down}${enter}`);
    await terminal.expect("app's name?", enter);
    await terminal.expect("Which database?", `${down}${enter}`);
    await terminal.expect("PostgreSQL connection string?", enter);
    await terminal.expect("Which AI provider?", ctrlC);
    const result = await terminal.finished;

    expect(result.screen).toMatch(/◇ {2}Where should the app go\?\r?\n│ {2}shop\r?\n/);
    expect(result.screen).toMatch(
      /◇ {2}PostgreSQL connection string\?\r?\n│ {2}postgres:\/\/postgres@127\.0\.0\.1:5432\/shop\r?\n/,
    );
    expect(result.exitCode).toBe(130);
    expect(await readdir(cwd)).toEqual([]);
  });

  it("changes an answer picked from the summary, asks what the change makes relevant, and creates with it", async () => {
    const cwd = await tempDir();
    const flags = ["--app-name", "Shop", "--db", "sqlite", "--ai", "openai", "--payments", "none", "--storage", "none", "--oauth", "none"];
    const terminal = start(["shop", ...flags, "--no-install", "--no-git"], { cwd });

    await terminal.expect("Customize more", enter);
    await terminal.expect("Create the app with these choices?", `${down}${enter}`);
    await terminal.expect("Which answer?", `${down}${down}${enter}`);
    await terminal.expect("Which database?", `${down}${enter}`);
    await terminal.expect("PostgreSQL connection string?", `postgres://app@db.internal:5432/shop${enter}`);
    await terminal.expect("Create the app with these choices?");
    const summary = terminal.screen().slice(terminal.screen().lastIndexOf("Your app"));
    expect(summary).toMatch(/Database +PostgreSQL/);
    expect(summary).toMatch(/Database URL +postgres:\/\/app@db\.internal:5432\/shop/);
    await terminal.expect("Create it", enter);
    const result = await terminal.finished;

    expect(result.exitCode, result.screen).toBe(0);
    const app = path.join(cwd, "shop");
    expect((await readJson(path.join(app, "craftjs.json"))).choices).toMatchObject({ db: "postgres", payments: "none" });
    expect(dotenv(await readFile(path.join(app, ".env"), "utf8")).DATABASE_URL).toBe("postgres://app@db.internal:5432/shop");
  });

  it("drops an answer a change makes irrelevant: back to SQLite, no database URL is kept", async () => {
    const cwd = await tempDir();
    const flags = ["--app-name", "Shop", "--db", "postgres", "--database-url", "postgres://app@db:5432/shop", "--ai", "openai", "--payments", "none"];
    const terminal = start(["shop", ...flags, "--storage", "none", "--oauth", "none", "--no-install", "--no-git"], { cwd });

    await terminal.expect("Customize more", enter);
    await terminal.expect("Create the app with these choices?", `${down}${enter}`);
    await terminal.expect("Which answer?", `${down}${down}${enter}`);
    await terminal.expect("Which database?", `${up}${enter}`);
    await terminal.expect("Create the app with these choices?");
    expect(terminal.screen().slice(terminal.screen().lastIndexOf("Your app"))).not.toContain("Database URL");
    await terminal.expect("Create it", enter);
    const result = await terminal.finished;

    expect(result.exitCode, result.screen).toBe(0);
    expect((await readJson(path.join(cwd, "shop", "craftjs.json"))).choices).toMatchObject({ db: "sqlite" });
  });

  it("cancels from the summary with exit code 130 and writes nothing", async () => {
    const cwd = await tempDir();
    const flags = ["--app-name", "Shop", "--db", "sqlite", "--ai", "openai", "--payments", "none", "--storage", "none", "--oauth", "none"];
    const terminal = start(["shop", ...flags, "--no-install", "--no-git"], { cwd });

    await terminal.expect("Customize more", enter);
    await terminal.expect("Create the app with these choices?", `${down}${down}${enter}`);
    const result = await terminal.finished;

    expect(result.exitCode, result.screen).toBe(130);
    expect(result.screen).toContain("Cancelled: nothing was written.");
    expect(await readdir(cwd)).toEqual([]);
  });

  it("refuses wrong flags before asking anything, every problem at once", async () => {
    const cwd = await tempDir();
    const terminal = start(["My App", "--db", "mongo", "--no-install", "--no-git"], { cwd });

    const result = await terminal.finished;

    expect(result.exitCode, result.screen).toBe(1);
    expect(result.screen).toContain("- the name must be lowercase");
    expect(result.screen).toContain("- the name may only contain URL-safe characters");
    expect(result.screen).toContain('--db: "mongo" is not one of sqlite, postgres.');
    expect(result.screen).not.toMatch(/Which database\?|Create the app/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it("names every problem with a package name at once, and refuses a non-empty directory before asking more", async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, "taken"));
    await writeFile(path.join(cwd, "taken", "notes.txt"), "mine\n");
    const terminal = start(["--no-install", "--no-git"], { cwd });

    await terminal.expect("Where should the app go?", `_My App!${enter}`);
    await terminal.expect("the name must be lowercase; ", `${ctrlU}taken${enter}`);
    await terminal.expect("taken is not empty (notes.txt)");
    await terminal.expect("Where should the app go?", `${ctrlU}fine${enter}`);
    await terminal.expect("Use the recommended setup?", ctrlC);
    const result = await terminal.finished;

    const error = result.screen.slice(result.screen.indexOf("the name must be lowercase")).replace(/\s+/g, " ");
    expect(error).toMatch(
      new RegExp(
        "^the name must be lowercase; the name must not start with a dot or an underscore; " +
          "the name must not contain ~'!\\(\\)\\*; the name may only contain URL-safe",
      ),
    );
    expect(result.exitCode).toBe(130);
    expect(await readdir(cwd)).toEqual(["taken"]);
  });
});
