import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli.js";
import { MANIFEST_FILE, manifestSchema } from "../../src/manifest.js";
import { displayNameOf } from "../../src/package-name.js";
import { type Plan, pickChoices, planProject } from "../../src/plan.js";
import { core } from "../../src/providers/index.js";
import { resolveOptions } from "../../src/resolve.js";
import { loadTemplateFolder, TEMPLATES_DIR } from "../../src/templates.js";
import { treePins, versions } from "../../src/versions.js";
import { dotenv, everyProviderCombination, file, hasFile, plan } from "./support/plan.js";

const PACKAGE_VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

function sha256(content: string): string {
  return `sha256-${createHash("sha256").update(content, "utf8").digest("hex")}`;
}

/** Parses the manifest's `command` with the real command line, as `main` would, into the choices it makes. */
function choicesOfCommand(command: string) {
  const [program, name, ...args] = command.split(" ");
  expect(program).toBe("create-craftjs");
  const cli = buildProgram().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  cli.parse(["node", "create-craftjs", name!, ...args]);
  const values = cli.opts();
  const given = Object.fromEntries(
    Object.keys(values)
      .filter((key) => cli.getOptionValueSource(key) === "cli")
      .map((key) => [key, values[key]]),
  );
  return pickChoices(resolveOptions({ ...given, directory: cli.args[0] }));
}

/** One plan per provider of every category (the others at their defaults), plus the optional parts turned off. */
describe("dependencies by database", () => {
  it("gives a SQLite project the libSQL client and no pg", () => {
    const sqlite = plan({ db: "sqlite" });
    expect(sqlite.dependencies).toHaveProperty("@libsql/client");
    expect(sqlite.dependencies).not.toHaveProperty("pg");
    expect(sqlite.devDependencies).not.toHaveProperty("@types/pg");
  });

  it("gives a data/ folder (data/.gitkeep) to SQLite, whose file lives there, and none to PostgreSQL", () => {
    expect(hasFile(plan({ db: "sqlite" }), "data/.gitkeep")).toBe(true);
    expect(hasFile(plan({ db: "postgres" }), "data/.gitkeep")).toBe(false);
  });

  it("gives a PostgreSQL project pg and its types, and no libSQL client", () => {
    const postgres = plan({ db: "postgres" });
    expect(postgres.dependencies).toHaveProperty("pg");
    expect(postgres.devDependencies).toHaveProperty("@types/pg");
    expect(postgres.dependencies).not.toHaveProperty("@libsql/client");
  });

  it("pins every dependency to the exact version in src/versions.ts", () => {
    for (const { label, plan: planned } of everyProviderCombination()) {
      const all = { ...planned.dependencies, ...planned.devDependencies };
      expect(Object.keys(all).length, label).toBeGreaterThan(0);
      for (const [name, version] of Object.entries(all)) {
        expect(version, `${label}: ${name}`).toBe(versions[name as keyof typeof versions]);
        expect(version, `${label}: ${name}`).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
        expect(version, `${label}: ${name}`).not.toMatch(/[\^~]/);
      }
    }
  });

  it("writes the planned dependencies into package.json, with the scripts the steps run", () => {
    const planned = plan({ db: "postgres" });
    const pkg = JSON.parse(file(planned, "package.json"));
    expect(pkg.name).toBe("shop");
    expect(pkg.dependencies).toEqual(planned.dependencies);
    expect(pkg.devDependencies).toEqual(planned.devDependencies);
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(["dev", "build", "db:generate", "db:migrate"]));
  });
});

describe("package.json by package manager", () => {
  it("pins every tree pin in the overrides field its package manager reads, so no peer floats", () => {
    const pins = Object.fromEntries(treePins.map((name) => [name, versions[name]]));
    const fields = { npm: ["overrides"], bun: ["overrides"], pnpm: ["pnpm", "overrides"], yarn: ["resolutions"] };
    for (const [pm, field] of Object.entries(fields)) {
      const pkg = JSON.parse(file(plan({ packageManager: pm }), "package.json"));
      const overrides = field.reduce((value, key) => value?.[key], pkg);
      expect(overrides, pm).toEqual(pins);
      expect(pkg.engines, pm).toEqual({ node: ">=22.12" });
      // npm refuses an override that differs from the same package's own dependency entry.
      for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
        if (name in pins) expect(version, `${pm}: ${name}`).toBe(pins[name]);
      }
    }
  });
});

describe("rendered files by database", () => {
  it("writes a different database client for SQLite and PostgreSQL", () => {
    const sqliteClient = file(plan({ db: "sqlite" }), "src/lib/db/client.ts");
    const postgresClient = file(plan({ db: "postgres" }), "src/lib/db/client.ts");
    expect(sqliteClient).not.toBe(postgresClient);
    expect(sqliteClient).toContain("@libsql/client");
    expect(sqliteClient).not.toMatch(/from "pg"/);
    expect(postgresClient).toMatch(/from "pg"/);
    expect(postgresClient).not.toContain("@libsql/client");
  });

  it('sets drizzle-kit\'s dialect to "turso" for SQLite and "postgresql" for PostgreSQL', () => {
    expect(file(plan({ db: "sqlite" }), "drizzle.config.ts")).toContain('dialect: "turso"');
    expect(file(plan({ db: "postgres" }), "drizzle.config.ts")).toContain('dialect: "postgresql"');
  });

  it("points a SQLite project's DATABASE_URL at a file under data/", () => {
    expect(dotenv(file(plan({ db: "sqlite" }), ".env")).DATABASE_URL).toMatch(/^file:\.\/data\//);
  });

  it("writes the --database-url into a PostgreSQL project's .env", () => {
    const url = "postgres://app:secret@db.internal:6543/shop_prod";
    expect(dotenv(file(plan({ db: "postgres", databaseUrl: url }), ".env")).DATABASE_URL).toBe(url);
  });

  it("defaults a PostgreSQL project's DATABASE_URL to a local server and a database named after the project", () => {
    expect(dotenv(file(plan({ db: "postgres" }), ".env")).DATABASE_URL).toBe("postgres://postgres@127.0.0.1:5432/shop");
  });

  it("turns characters a database name cannot hold into underscores in the default URL", () => {
    const planned = planProject(resolveOptions({ directory: "/nowhere/my-shop.v2", db: "postgres", packageManager: "npm" }));
    expect(dotenv(file(planned, ".env")).DATABASE_URL).toBe("postgres://postgres@127.0.0.1:5432/my_shop_v2");
  });
});

describe("secrets and environment files", () => {
  it("generates a BETTER_AUTH_SECRET of at least 32 characters, fresh for every plan", () => {
    const first = dotenv(file(plan(), ".env")).BETTER_AUTH_SECRET;
    const second = dotenv(file(plan(), ".env")).BETTER_AUTH_SECRET;
    expect(first?.length).toBeGreaterThanOrEqual(32);
    expect(second?.length).toBeGreaterThanOrEqual(32);
    expect(first).not.toBe(second);
  });

  it.each(["sqlite", "postgres"])(".env.example lists every variable of the chosen providers (%s), each with a comment", (db) => {
    const planned = plan({ db });
    const example = file(planned, ".env.example");
    const names = planned.env.map((variable) => variable.name);
    expect(names).toEqual(expect.arrayContaining((core.env ?? []).map((variable) => variable.name)));
    expect(names).toContain("DATABASE_URL");
    expect(Object.keys(dotenv(example)).sort()).toEqual([...new Set(names)].sort());
    for (const name of names) expect(example, name).toMatch(new RegExp(`^# .+\\n${name}=`, "m"));
  });

  it(".env.example holds no secret: an empty BETTER_AUTH_SECRET, and none of .env's generated values", () => {
    const planned = plan();
    const example = file(planned, ".env.example");
    const secret = dotenv(file(planned, ".env")).BETTER_AUTH_SECRET!;
    expect(dotenv(example).BETTER_AUTH_SECRET).toBe("");
    expect(example).not.toContain(secret);
  });

  it("plans a .gitignore (stored as _gitignore) that keeps .env out of git", () => {
    const planned = plan();
    expect(file(planned, ".gitignore").split("\n")).toEqual(expect.arrayContaining([".env", "node_modules/"]));
    expect(planned.files.map((f) => f.path)).not.toContain("_gitignore");
    expect(readdirSync(path.join(TEMPLATES_DIR, "core"))).toContain("_gitignore");
  });
});

describe("templates", () => {
  it("renders every template file once, dropping .hbs and renaming _gitignore", () => {
    const onDisk = readdirSync(path.join(TEMPLATES_DIR, "core"), { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    const targets = loadTemplateFolder("core").map((template) => template.target);
    expect(targets).toHaveLength(onDisk.length);
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets.filter((target) => target.endsWith(".hbs") || target.endsWith("_gitignore"))).toEqual([]);
    expect(targets).toContain(".gitignore");
  });

  it("leaves no Handlebars syntax, TODO or FIXME in any file of any provider combination", () => {
    for (const { label, plan: planned } of everyProviderCombination()) {
      for (const { path: filePath, content } of planned.files) {
        // Handlebars' tags (`{{#if}}`, `{{/each}}`, `{{name}}`), not JSX's object literals (`style={{ width }}`).
        expect(content, `${label}: ${filePath}`).not.toMatch(/\{\{[#/^>!]|\{\{else\b|\{\{[\w.@]+\}\}/);
        expect(content, `${label}: ${filePath}`).not.toMatch(/\b(TODO|FIXME)\b/);
      }
    }
  });

  it("names in the app's ESLint layering every file of src/lib that features plug into (they import features)", () => {
    const config = file(plan(), "eslint.config.mjs");
    const seams = config.slice(config.indexOf("const SEAMS = ["), config.indexOf("];", config.indexOf("const SEAMS")));
    const named = [...seams.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    const aggregates = plan()
      .files.filter((planned) => planned.kind === "aggregate" && planned.path.startsWith("src/lib/"))
      .map((planned) => planned.path);
    expect(named).toEqual(aggregates.sort());
  });
});

describe("craftjs.json", () => {
  it("parses with the manifest schema and records the CLI version and the choices", () => {
    const planned = plan({ db: "postgres" });
    const manifest = manifestSchema.parse(JSON.parse(file(planned, MANIFEST_FILE)));
    expect(manifest.cliVersion).toBe(PACKAGE_VERSION);
    expect(manifest.choices).toEqual(planned.choices);
    expect(manifest.choices).toMatchObject({ db: "postgres", packageManager: "npm" });
  });

  it("records every planned file but itself with its owner, its kind and the sha256 of its content (not .env's)", () => {
    const planned = plan();
    const manifest = manifestSchema.parse(JSON.parse(file(planned, MANIFEST_FILE)));
    const expected = Object.fromEntries(
      planned.files
        .filter((f) => f.path !== MANIFEST_FILE)
        .map((f) => [f.path, { owner: f.owner, kind: f.kind, ...(f.path === ".env" ? {} : { hash: sha256(f.content) }) }]),
    );
    expect(manifest.files).toEqual(expected);
    expect(manifest.files[".env"]).toEqual({ owner: "core", kind: "merged" });
    expect(manifest.files).not.toHaveProperty(MANIFEST_FILE);
  });

  it("names each file's owner by the item add knows it as, and its kind", () => {
    const { files } = manifestSchema.parse(JSON.parse(file(plan({ ratelimit: "redis" }), MANIFEST_FILE)));
    expect(files["src/app/api/chats/route.ts"]).toMatchObject({ owner: "chats", kind: "owned" });
    expect(files["src/lib/auth/api-keys.ts"]).toMatchObject({ owner: "api-keys", kind: "owned" });
    expect(files["src/lib/ratelimit/counter.ts"]).toMatchObject({ owner: "ratelimit redis", kind: "owned" });
    expect(files["src/lib/db/client.ts"]).toMatchObject({ owner: "db sqlite", kind: "owned" });
    expect(files["src/lib/auth/plugins.ts"]).toMatchObject({ owner: "core", kind: "aggregate" });
    expect(files["src/lib/db/schema/index.ts"]).toMatchObject({ owner: "core", kind: "aggregate" });
    expect(files["package.json"]).toMatchObject({ owner: "core", kind: "merged" });
  });

  it.each([
    ["the defaults", {}],
    ["PostgreSQL with pnpm", { db: "postgres", packageManager: "pnpm" }],
    ["SQLite with yarn, no API keys, no OAuth, extra CORS origins", { packageManager: "yarn", apiKeys: false, oauth: [], corsOrigins: ["https://admin.example.com"] }],
  ])("records a command that reproduces the choices of %s", (_label, given) => {
    const planned = plan(given);
    const manifest = manifestSchema.parse(JSON.parse(file(planned, MANIFEST_FILE)));
    expect(manifest.command).toMatch(/^create-craftjs shop /);
    expect(choicesOfCommand(manifest.command)).toEqual(planned.choices);
  });
});

describe("steps after writing", () => {
  const commands = (planned: Plan) => planned.steps.map((step) => step.command);

  it("installs, generates the migration named init and applies it by default", () => {
    const planned = plan();
    expect(planned.steps.map((step) => step.id)).toEqual(["install", "generate", "migrate"]);
    expect(commands(planned)).toEqual([
      ["npm", "install"],
      ["npm", "run", "db:generate", "--", "--name", "init"],
      ["npm", "run", "db:migrate"],
    ]);
  });

  it("uses the chosen package manager's syntax", () => {
    expect(commands(plan({ packageManager: "pnpm" }))).toEqual([
      ["pnpm", "install"],
      ["pnpm", "db:generate", "--name", "init"],
      ["pnpm", "db:migrate"],
    ]);
  });

  it("only installs with --no-migrate", () => {
    expect(commands(plan({ migrate: false }))).toEqual([["npm", "install"]]);
  });

  it("runs nothing with --no-install (migrations need the installed tools)", () => {
    expect(plan({ install: false }).steps).toEqual([]);
    expect(plan({ install: false, migrate: true }).steps).toEqual([]);
  });
});

describe("planning speed", () => {
  it("plans 20 projects in well under two seconds in total", () => {
    const started = performance.now();
    for (let index = 0; index < 20; index++) plan({ db: index % 2 === 0 ? "sqlite" : "postgres" });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("the name people see", () => {
  it("is the package name's words title-cased, in the header's config and the auth mails' sender name", () => {
    expect(displayNameOf("my-app")).toBe("My App");
    expect(displayNameOf("acme_ai.studio")).toBe("Acme Ai Studio");
    expect(displayNameOf("app2")).toBe("App2");
    const site = planProject(resolveOptions({ directory: "/tmp/my-cool-app" })).files.find((file) => file.path === "src/config/site.ts");
    expect(site?.content).toContain('name: "My Cool App"');
  });
});
