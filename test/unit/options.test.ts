import { readFileSync } from "node:fs";
import { Option } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildProgram } from "../../src/cli.js";
import { CliError } from "../../src/errors.js";
import { choiceKeys, choicesSchema, envSeedKeys, flagOf, metaOf, type OptionKey, optionKeys } from "../../src/options.js";
import { suggestPackageName, validatePackageName } from "../../src/package-name.js";
import { resolveOptions } from "../../src/resolve.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The message of the CliError that resolving these options throws; fails the test if it does not throw one. */
function refusal(given: Partial<Record<OptionKey, unknown>>): string {
  try {
    resolveOptions(given);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    return (error as CliError).message;
  }
  throw new Error(`resolveOptions accepted ${JSON.stringify(given)}`);
}

/** Parses command-line arguments the way `main` does: the options given on the command line, by schema key. */
function parseFlags(args: string[]): Record<string, unknown> {
  const program = buildProgram().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  program.parse(["node", "create-craftjs", ...args]);
  const values = program.opts();
  return Object.fromEntries(
    Object.keys(values)
      .filter((key) => program.getOptionValueSource(key) === "cli")
      .map((key) => [key, values[key]]),
  );
}

const flagKeys = optionKeys.filter((key) => !metaOf(key).flag.startsWith("["));

describe("resolveOptions defaults", () => {
  it("creates a SQLite app in my-craftjs-app, installing, migrating and committing, when nothing is given", () => {
    vi.stubEnv("npm_config_user_agent", undefined);
    const options = resolveOptions({});
    expect(options).toMatchObject({
      directory: "my-craftjs-app",
      db: "sqlite",
      install: true,
      migrate: true,
      git: true,
      packageManager: "npm",
    });
  });

  it("leaves the one-off switches (--yes, --dry-run, --force, --json, --verbose) off and sets no database URL", () => {
    const options = resolveOptions({});
    expect(options).toMatchObject({ yes: false, dryRun: false, force: false, json: false, verbose: false });
    expect(options.databaseUrl).toBeUndefined();
  });

  it("defaults the package manager to the one that started the CLI", () => {
    vi.stubEnv("npm_config_user_agent", "pnpm/9.12.0 npm/? node/v20.20.2 linux x64");
    expect(resolveOptions({}).packageManager).toBe("pnpm");
  });

  it("keeps a value given explicitly over the default", () => {
    expect(resolveOptions({ db: "postgres", install: false }).db).toBe("postgres");
    expect(resolveOptions({ db: "postgres", install: false }).install).toBe(false);
  });
});

describe("flags and schema keys", () => {
  it.each(flagKeys)("the flag of %s camel-cases to the key itself", (key) => {
    expect(new Option(metaOf(key).flag).attributeName()).toBe(key);
  });

  it.each(flagKeys.filter((key) => metaOf(key).negatable))("the --no- form of %s sets the same key", (key) => {
    const negated = new Option(`--no-${metaOf(key).flag.replace(/^--/, "")}`);
    expect(negated.negate).toBe(true);
    expect(negated.attributeName()).toBe(key);
  });

  it("defines no option that is not a schema key (besides --version and --help)", () => {
    const attributes = buildProgram().options.map((option) => option.attributeName());
    const unknown = attributes.filter((name) => !optionKeys.includes(name as OptionKey) && name !== "version");
    expect(unknown).toEqual([]);
    expect(new Set(attributes)).toEqual(new Set([...flagKeys, "version"]));
  });

  it("takes the directory as the one positional argument", () => {
    const [argument] = buildProgram().registeredArguments;
    expect(argument?.name()).toBe("directory");
    expect(metaOf("directory").flag).toBe("[directory]");
  });

  it("maps multi-word flags onto their keys when parsing: --database-url, --package-manager, --dry-run", () => {
    const given = parseFlags(["--database-url", "postgres://u@db:5432/app", "--package-manager", "pnpm", "--dry-run"]);
    expect(given).toEqual({ databaseUrl: "postgres://u@db:5432/app", packageManager: "pnpm", dryRun: true });
  });

  it("maps --no-install, --no-migrate and --no-git onto install, migrate and git set to false", () => {
    expect(parseFlags(["--no-install", "--no-migrate", "--no-git"])).toEqual({ install: false, migrate: false, git: false });
  });

  it("maps --ai-base-url and --ai-models onto aiBaseUrl and aiModels, the models as a list", () => {
    const given = parseFlags([
      "--ai",
      "openai-compatible",
      "--ai-base-url",
      "http://gpu:8000/v1",
      "--ai-models",
      "qwen2.5:7b, llama3.2",
    ]);
    expect(given).toEqual({ ai: "openai-compatible", aiBaseUrl: "http://gpu:8000/v1", aiModels: "qwen2.5:7b, llama3.2" });
    expect(resolveOptions(given)).toMatchObject({ aiBaseUrl: "http://gpu:8000/v1", aiModels: ["qwen2.5:7b", "llama3.2"] });
  });

  it("parses every flag's value into options the schema accepts", () => {
    const given = parseFlags(["--db", "postgres", "--database-url", "postgres://u@db/app", "--package-manager", "bun", "-y"]);
    expect(resolveOptions(given)).toMatchObject({ db: "postgres", databaseUrl: "postgres://u@db/app", packageManager: "bun", yes: true });
  });
});

describe("list flags", () => {
  it("collapses a value given twice (--oauth github,github), rather than failing deep inside", () => {
    expect(resolveOptions({ oauth: "github,github,google" }).oauth).toEqual(["github", "google"]);
    expect(resolveOptions({ corsOrigins: "https://a.example,https://a.example" }).corsOrigins).toEqual(["https://a.example"]);
  });
});

describe("invalid values and combinations", () => {
  it("refuses --db mysql, naming the flag, the allowed values and an example command", () => {
    const message = refusal({ db: "mysql" });
    expect(message).toContain("--db");
    expect(message).toContain('"mysql"');
    expect(message).toMatch(/sqlite, postgres/);
    expect(message).toMatch(/Example: create-craftjs \S+ --db (sqlite|postgres)/);
  });

  it.each(["mysql://root@localhost/app", "http://localhost:5432/app", "postgres://", "localhost:5432"])(
    "refuses --database-url %s: not a PostgreSQL connection string",
    (url) => {
      const message = refusal({ db: "postgres", databaseUrl: url });
      expect(message).toContain("--database-url");
      expect(message).toContain("postgres://");
    },
  );

  it("accepts postgres:// and postgresql:// URLs with --db postgres", () => {
    expect(resolveOptions({ db: "postgres", databaseUrl: "postgres://u:p@h:5432/d" }).databaseUrl).toBe("postgres://u:p@h:5432/d");
    expect(resolveOptions({ db: "postgres", databaseUrl: "postgresql://h/d" }).databaseUrl).toBe("postgresql://h/d");
  });

  it("refuses --database-url with SQLite (given or by default) as an incompatible combination", () => {
    for (const given of [{ db: "sqlite" }, {}]) {
      const message = refusal({ ...given, databaseUrl: "postgres://u@h:5432/d" });
      expect(message).toContain("--database-url");
      expect(message).toMatch(/only applies to --db postgres/);
      expect(message).toContain("sqlite");
    }
  });

  it.each([
    ["--ai-base-url", { aiBaseUrl: "http://localhost:11434/v1" }],
    ["--ai-models", { aiModels: "llama3.2" }],
  ])("refuses %s without --ai openai-compatible (given or by default), naming its flag, its use and an example", (flag, given) => {
    for (const ai of [{ ai: "anthropic" }, {}]) {
      const message = refusal({ ...ai, ...given });
      expect(message).toContain(`${flag}: only applies to --ai openai-compatible (this project uses --ai ${ai.ai ?? "openai"})`);
      expect(message).toMatch(new RegExp(`Example: create-craftjs my-app --ai openai-compatible .*${flag} `));
    }
  });

  it.each(["localhost:11434/v1", "ftp://models.internal/v1", "http://", "not a url"])(
    "refuses --ai-base-url %s: not an http(s) URL",
    (url) => {
      expect(refusal({ ai: "openai-compatible", aiBaseUrl: url })).toContain(
        "--ai-base-url: must be an http:// or https:// URL, like http://localhost:11434/v1",
      );
    },
  );

  it.each(["llama 3", "none", ",", "llama3.2,qwen 2"])("refuses --ai-models %s: not a list of model ids", (models) => {
    const message = refusal({ ai: "openai-compatible", aiModels: models });
    expect(message).toMatch(/--ai-models: .*(model ids separated by commas|at least one model id)/);
  });

  it("accepts a base URL and model ids such as local servers use with --ai openai-compatible", () => {
    const options = resolveOptions({
      ai: "openai-compatible",
      aiBaseUrl: "https://gateway.example.com/openai/v1",
      aiModels: "hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M,meta-llama/Llama-3.1-8B-Instruct,qwen2.5:7b",
    });
    expect(options.aiModels).toEqual([
      "hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M",
      "meta-llama/Llama-3.1-8B-Instruct",
      "qwen2.5:7b",
    ]);
  });

  it("reports every invalid option at once", () => {
    const message = refusal({ db: "mysql", packageManager: "pip" });
    expect(message).toContain("--db");
    expect(message).toContain("--package-manager");
    expect(message).toMatch(/npm, pnpm, yarn, bun/);
  });
});

describe("package names (the directory's basename)", () => {
  it.each([
    { label: "My-App", name: "My-App", reason: /must be lowercase/ },
    { label: "my app", name: "my app", reason: /URL-safe characters/ },
    { label: ".hidden", name: ".hidden", reason: /must not start with a dot or an underscore/ },
    { label: "_private", name: "_private", reason: /must not start with a dot or an underscore/ },
    { label: "node_modules", name: "node_modules", reason: /"node_modules" is a reserved name/ },
    { label: "fs", name: "fs", reason: /"fs" is a Node.js core module name/ },
    { label: "http", name: "http", reason: /"http" is a Node.js core module name/ },
    { label: "a 215-character name", name: "a".repeat(215), reason: /at most 214 characters/ },
  ])("refuses $label with a sentence saying why", ({ name, reason }) => {
    const problems = validatePackageName(name);
    expect(problems).toContainEqual(expect.stringMatching(reason));
    for (const problem of problems) expect(problem).toMatch(/^(the name|"[^"]+" is) [a-z].*[a-z0-9.)*]$/);
    const message = refusal({ directory: name });
    expect(message).toContain("directory:");
    expect(message).toMatch(reason);
  });

  it.each(["my-app", "app2", "my.app", "my_app", "craftjs"])("accepts %s", (name) => {
    expect(validatePackageName(name)).toEqual([]);
    expect(resolveOptions({ directory: name }).directory).toBe(name);
  });

  it("lists every problem with a name at once, one a line", () => {
    const message = refusal({ directory: "_My App!" });
    expect(message).toContain(
      [
        "  directory:",
        "    - the name must be lowercase",
        "    - the name must not start with a dot or an underscore",
        "    - the name must not contain ~'!()*",
        "    - the name may only contain URL-safe characters (letters, digits, - . _)",
        "    - a name that works: my-app",
        "    Example: create-craftjs my-app",
      ].join("\n"),
    );
  });

  it("suggests a name that works, and says when the name came from the folder (.)", () => {
    expect(suggestPackageName("My Cool App!")).toBe("my-cool-app");
    expect(suggestPackageName("node_modules")).toBe("node_modules-app");
    expect(suggestPackageName("fs")).toBe("fs-app");
    expect(suggestPackageName("!!!")).toBe("my-app");
    for (const name of ["My Cool App!", "node_modules", "fs", "!!!", "_x", "a".repeat(300)]) {
      expect(validatePackageName(suggestPackageName(name)), name).toEqual([]);
    }
    expect(refusal({ directory: "/work/My Folder/." })).toContain('a name that works: my-folder (the name comes from the folder "My Folder")');
    expect(refusal({ directory: "" })).toContain("directory: give the app a folder; its name becomes the package name");
  });

  it("checks only the last segment of a directory path", () => {
    expect(resolveOptions({ directory: "/Some Where/Projects/app" }).directory).toBe("/Some Where/Projects/app");
    expect(refusal({ directory: "/projects/My App" })).toMatch(/lowercase/);
  });
});

describe("the manifest's choices schema", () => {
  const nonChoices = [
    "directory",
    "databaseUrl",
    "aiBaseUrl",
    "aiModels",
    "install",
    "migrate",
    "git",
    "yes",
    "dryRun",
    "force",
    "json",
    "verbose",
  ];

  it("holds exactly the options marked as project choices, db and packageManager among them", () => {
    const keys = Object.keys(choicesSchema.shape);
    expect(new Set(keys)).toEqual(new Set(choiceKeys));
    expect(keys).toEqual(expect.arrayContaining(["db", "packageManager"]));
  });

  it("leaves out how the CLI runs (install, git, --json…) and what only seeds .env: the database URL and the AI endpoint", () => {
    const keys = Object.keys(choicesSchema.shape);
    expect(keys.filter((key) => nonChoices.includes(key))).toEqual([]);
    expect(keys.filter((key) => (envSeedKeys as readonly string[]).includes(key))).toEqual([]);
  });

  it("validates choice values like the options do", () => {
    expect(choicesSchema.safeParse({ db: "mysql" }).success).toBe(false);
    expect(choicesSchema.safeParse({ db: "postgres", packageManager: "yarn" }).success).toBe(true);
  });
});

describe("the prompts", () => {
  const runModes = ["yes", "dryRun", "force", "json", "verbose"];

  it("ask for every option but how this one run behaves (--yes, --dry-run, --force, --json, --verbose)", () => {
    expect(optionKeys.filter((key) => !metaOf(key).prompt)).toEqual(runModes);
  });

  it("keep the advanced options behind Customize more: email, rate limits, API keys, CORS, package manager, migrate, git", () => {
    expect(optionKeys.filter((key) => metaOf(key).prompt?.advanced)).toEqual([
      "email",
      "ratelimit",
      "apiKeys",
      "corsOrigins",
      "packageManager",
      "migrate",
      "git",
    ]);
  });

  it("suggest Ollama's URL and llama3.2 for an OpenAI-compatible endpoint, and a database URL named after the app", () => {
    expect(metaOf("aiBaseUrl").prompt?.suggestion?.({})).toBe("http://localhost:11434/v1");
    expect(metaOf("aiModels").prompt?.suggestion?.({})).toBe("llama3.2");
    expect(metaOf("databaseUrl").prompt?.suggestion?.({ directory: "../work/my-shop" })).toBe(
      "postgres://postgres@127.0.0.1:5432/my_shop",
    );
  });
});

describe("the README's options table", () => {
  it("lists every flag the schema has", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const flags = optionKeys.map(flagOf).filter((flag) => flag !== "directory");
    const missing = flags.filter((flag) => !readme.includes(`\`${flag}\``) && !readme.includes(`${flag}\``));
    expect(missing).toEqual([]);
  });
});
