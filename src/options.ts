import path from "node:path";
import { z } from "zod";
import { detectPackageManager, packageManagers } from "./package-manager.js";
import { localEndpointDefaults } from "./providers/ai/openai-compatible.js";
import { defaultPostgresUrl } from "./providers/db/postgres.js";
import { type Category, providerIds, providers } from "./providers/index.js";
import { displayNameOf, suggestPackageName, validatePackageName } from "./package-name.js";

/** The answers so far in interactive mode (and the flags given), by option key. */
export type Answers = Record<string, unknown>;

/** How interactive mode asks for an option. */
export interface OptionPrompt {
  message: string;
  /** Its name in the summary of choices and in the list of answers that can be changed. */
  label: string;
  /** Limits it to answers that make it relevant; an answer that stops being relevant is dropped. */
  when?: (answers: Answers) => boolean;
  /** Asked only when the user says yes to "Customize more?". */
  advanced?: boolean;
  /**
   * A text prompt's suggestion: shown as its placeholder and taken when the answer is empty. Taking it leaves the
   * option unset, so a suggestion computed from other answers (the database URL from the name) follows them.
   */
  suggestion?: (answers: Answers) => string;
}

/**
 * How one option shows up outside the schema: its flag, its help line, its prompt, whether the manifest records it.
 * Everything the CLI says about an option is read from here.
 */
export interface OptionMeta {
  /** Commander's flag syntax. A boolean that defaults to on gets its --no- form from `negatable`. */
  flag: string;
  short?: string;
  description: string;
  negatable?: boolean;
  /** A command that uses the option well, shown when its value is refused (enum options get one made up). */
  example?: string;
  /** How help describes a default that is computed rather than fixed. */
  defaultLabel?: string;
  /** A project choice, recorded in craftjs.json and reproduced by the manifest's command. */
  choice?: boolean;
  /** The provider category whose descriptors are this option's values. */
  category?: Category;
  /**
   * The value of another option this one only makes sense with: given with any other, it is refused, and it is only
   * asked when the answers have that value.
   */
  onlyWith?: { option: string; value: string };
  /** The prompt asking for it in interactive mode. */
  prompt?: OptionPrompt;
}

function option<T extends z.ZodType>(schema: T, meta: OptionMeta): T {
  return schema.meta(meta as unknown as Record<string, unknown>);
}

function providerOption(category: Category, meta: Omit<OptionMeta, "category" | "choice">) {
  const [first] = providerIds(category);
  return option(z.enum(providerIds(category)).default(first), { ...meta, category, choice: true });
}

/** A comma-separated flag value as a list; `none` is the empty list, refused with `required` as the reason if given. */
function commaList<Item extends z.ZodType>(item: Item, { required }: { required?: string } = {}) {
  const list = z.array(item);
  return z.preprocess(
    (value) =>
      typeof value === "string"
        ? value === "none"
          ? []
          : value
              .split(",")
              .map((part) => part.trim())
              .filter((part, index, parts) => part !== "" && parts.indexOf(part) === index)
        : value,
    required ? list.min(1, required) : list,
  );
}

const origin = z
  .string()
  .regex(/^https?:\/\/[^/\s]+$/, "must be an origin: scheme, host and optional port, no path (https://app.example.com)")
  .superRefine((value, ctx) => {
    const problem = originProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * Why a value shaped like an origin is not one a browser can send: a wildcard (each origin must be listed), a port out
 * of range, or a host no URL parser accepts. Undefined when it is a real origin.
 */
function originProblem(value: string): string | undefined {
  if (value.includes("*")) return `must not contain a wildcard (${value}): list each origin, like https://app.example.com`;
  const port = /:(\d+)$/.exec(value)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return `must have a port from 1 to 65535 (${value} has ${port})`;
  }
  if (!URL.canParse(value)) return `must be a valid origin (${value} is not), like https://app.example.com`;
  return undefined;
}

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, "must be a PostgreSQL connection string, like postgres://user@host:5432/db");

const endpointUrl = z.url({
  protocol: /^https?$/,
  error: `must be an http:// or https:// URL, like ${localEndpointDefaults.baseUrl}`,
});

const modelId = z
  .string()
  .regex(
    /^[\w.:/@+-]+$/,
    "must be model ids separated by commas, like llama3.2,qwen2.5:7b (letters, digits, . : / @ + - _)",
  );

export const DEFAULT_DIRECTORY = "my-craftjs-app";

/** The package name a directory gives (its basename), as create uses it. */
export function packageNameOf(directory: string): string {
  return path.basename(path.resolve(directory));
}

/** The single source of truth for every option: flags, prompts, defaults, validation, help and the manifest. */
const optionsObject = z.object({
    directory: option(
      z
        .string()
        .min(1, "give the app a folder; its name becomes the package name")
        .default(DEFAULT_DIRECTORY)
        .superRefine((directory, ctx) => {
          const name = packageNameOf(directory);
          const problems = validatePackageName(name);
          for (const problem of problems) ctx.addIssue({ code: "custom", message: problem });
          if (problems.length === 0) return;
          // "." and ".." name no folder of their own: the name was the folder's, which the user may not have noticed.
          const fromFolder = [".", ".."].includes(path.basename(directory)) ? ` (the name comes from the folder "${name}")` : "";
          ctx.addIssue({ code: "custom", message: `a name that works: ${suggestPackageName(name)}${fromFolder}` });
        }),
      {
        flag: "[directory]",
        description: `Where to create the app; its name becomes the package name (default: ${DEFAULT_DIRECTORY})`,
        prompt: { message: "Where should the app go?", label: "Directory", suggestion: () => DEFAULT_DIRECTORY },
        example: "create-craftjs my-app",
      },
    ),
    appName: option(
      z
        .string()
        .trim()
        .min(1, "give the app a name people see, like Acme Chat")
        .max(60, "must be 60 characters or fewer: it heads every page and mail")
        .regex(/^[^<>{}\\`"\p{Cc}]+$/u, 'must be plain words: no <, >, {, }, \\, `, " or control characters')
        .optional(),
      {
        flag: "--app-name <name>",
        description: "The name people see in the header, page titles and mails",
        defaultLabel: "the folder's name title-cased (my-app: My App)",
        example: 'create-craftjs my-app --app-name "Acme Chat"',
        choice: true,
        prompt: {
          message: "What should people see as the app's name?",
          label: "App name",
          suggestion: (answers) => displayNameOf(packageNameOf(String(answers.directory ?? DEFAULT_DIRECTORY))),
        },
      },
    ),
    db: providerOption("db", {
      flag: "--db <name>",
      description: "Database",
      prompt: { message: "Which database?", label: "Database" },
    }),
    databaseUrl: option(postgresUrl.optional(), {
      flag: "--database-url <url>",
      description: "PostgreSQL connection string written to .env (with --db postgres)",
      example: "create-craftjs my-app --db postgres --database-url postgres://postgres@127.0.0.1:5432/my_app",
      onlyWith: { option: "db", value: "postgres" },
      prompt: {
        message: "PostgreSQL connection string?",
        label: "Database URL",
        suggestion: (answers) => defaultPostgresUrl(packageNameOf(String(answers.directory ?? DEFAULT_DIRECTORY))),
      },
    }),
    ai: providerOption("ai", {
      flag: "--ai <name>",
      description: "AI provider",
      prompt: { message: "Which AI provider?", label: "AI provider" },
    }),
    aiBaseUrl: option(endpointUrl.optional(), {
      flag: "--ai-base-url <url>",
      description: "The endpoint's base URL, up to /v1, written to .env (with --ai openai-compatible)",
      defaultLabel: `Ollama's ${localEndpointDefaults.baseUrl}`,
      example:
        `create-craftjs my-app --ai openai-compatible --ai-base-url ${localEndpointDefaults.baseUrl} ` +
        "--ai-models llama3.2,qwen2.5",
      onlyWith: { option: "ai", value: "openai-compatible" },
      prompt: {
        message: "The endpoint's base URL (up to /v1)?",
        label: "AI base URL",
        suggestion: () => localEndpointDefaults.baseUrl,
      },
    }),
    aiModels: option(commaList(modelId, { required: "must name at least one model id" }).optional(), {
      flag: "--ai-models <list>",
      description:
        "The model ids the endpoint serves, comma-separated, the first by default; written to .env " +
        "(with --ai openai-compatible)",
      defaultLabel: localEndpointDefaults.models.join(","),
      example: "create-craftjs my-app --ai openai-compatible --ai-models llama3.2,qwen2.5",
      onlyWith: { option: "ai", value: "openai-compatible" },
      prompt: {
        message: "Which models does it serve (ids, comma-separated, the first is the default)?",
        label: "AI models",
        suggestion: () => localEndpointDefaults.models.join(","),
      },
    }),
    payments: providerOption("payments", {
      flag: "--payments <name>",
      description: "Payment provider for plans and subscriptions, or none",
      prompt: { message: "Which payment provider?", label: "Payments" },
    }),
    storage: providerOption("storage", {
      flag: "--storage <name>",
      description: "Where uploads are stored, or none",
      prompt: { message: "Where should uploads be stored?", label: "Uploads" },
    }),
    email: providerOption("email", {
      flag: "--email <name>",
      description: "How the app sends email (password resets, address verification); console logs and files it",
      prompt: { message: "How should the app send email?", label: "Email", advanced: true },
    }),
    ratelimit: providerOption("ratelimit", {
      flag: "--ratelimit <store>",
      description: "Rate-limit store",
      prompt: { message: "Where are rate limits counted?", label: "Rate limits", advanced: true },
    }),
    oauth: option(commaList(z.enum(providerIds("oauth"))).default(providerIds("oauth")), {
      flag: "--oauth <list>",
      description: "OAuth sign-in providers, comma-separated, or none (each is on once its keys are in .env)",
      defaultLabel: providerIds("oauth").join(","),
      category: "oauth",
      choice: true,
      prompt: { message: "Which OAuth sign-in providers?", label: "OAuth sign-in" },
    }),
    apiKeys: option(z.boolean().default(true), {
      flag: "--api-keys",
      negatable: true,
      choice: true,
      description: "API keys (Authorization: Bearer) for every protected route",
      prompt: {
        message: "Offer API keys (Authorization: Bearer) on every protected route?",
        label: "API keys",
        advanced: true,
      },
    }),
    corsOrigins: option(commaList(origin).default([]), {
      flag: "--cors-origins <list>",
      description: "More origins allowed to call the API from a browser, comma-separated",
      defaultLabel: "none beyond the app's own URL, and localhost in development",
      example: "create-craftjs my-app --cors-origins https://admin.example.com,https://example.org",
      choice: true,
      prompt: {
        message: "More origins allowed to call the API from a browser (comma-separated, or none)?",
        label: "CORS origins",
        advanced: true,
        suggestion: () => "none",
      },
    }),
    packageManager: option(z.enum(packageManagers).default(() => detectPackageManager()), {
      flag: "--package-manager <name>",
      description: "Package manager for install and scripts",
      defaultLabel: "the one that started the CLI, else npm",
      choice: true,
      prompt: { message: "Which package manager?", label: "Package manager", advanced: true },
    }),
    install: option(z.boolean().default(true), {
      flag: "--install",
      negatable: true,
      description: "Install dependencies",
      prompt: { message: "Install dependencies now?", label: "Install" },
    }),
    migrate: option(z.boolean().default(true), {
      flag: "--migrate",
      negatable: true,
      description: "Generate and apply the database migrations after install",
      prompt: {
        message: "Generate and apply the first database migration after the install?",
        label: "Migrate",
        advanced: true,
        when: (answers) => answers.install !== false,
      },
    }),
    git: option(z.boolean().default(true), {
      flag: "--git",
      negatable: true,
      description: "git init and a first commit (skipped inside a repository or without a git identity)",
      prompt: { message: "Make a git repository with a first commit?", label: "Git", advanced: true },
    }),
    yes: option(z.boolean().default(false), {
      flag: "--yes",
      short: "-y",
      description: "Take the default for every choice not given by a flag",
    }),
    dryRun: option(z.boolean().default(false), {
      flag: "--dry-run",
      description: "Print the plan (files, dependencies, env vars, commands) and write nothing",
    }),
    force: option(z.boolean().default(false), { flag: "--force", description: "Allow a non-empty target directory" }),
    json: option(z.boolean().default(false), { flag: "--json", description: "Machine-readable result on stdout" }),
    verbose: option(z.boolean().default(false), {
      flag: "--verbose",
      description: "Show the output of install and migrations",
    }),
});

/** The options of `create-craftjs add`, from the same metadata: its flags, help and validation. */
export const addOptionsObject = z.object({
  items: option(z.array(z.string()).default([]), {
    flag: "[item...]",
    description: "What to add: a route (chats), a feature (api-keys) or a provider (ratelimit redis); see --list",
    example: "create-craftjs add api-keys ratelimit redis",
  }),
  cwd: option(z.string().min(1).default("."), {
    flag: "--cwd <dir>",
    description: "The project, or a folder inside it (craftjs.json is searched upward from here)",
    defaultLabel: "the current directory",
  }),
  list: option(z.boolean().default(false), { flag: "--list", description: "List what can be added, and what the project has" }),
  dryRun: option(z.boolean().default(false), {
    flag: "--dry-run",
    description: "Print what each file would get (create, update, merge, skip, conflict) and change nothing",
  }),
  diff: option(z.boolean().default(false), { flag: "--diff", description: "Show the changes to each file as a unified diff" }),
  force: option(z.boolean().default(false), {
    flag: "--force",
    description:
      "Write the new version of a file whose edits conflict (for a route named, even where they would merge), " +
      "keeping yours under .craftjs/backup/",
  }),
  conflicts: option(z.enum(["markers", "new-file"]).default("markers"), {
    flag: "--conflicts <style>",
    description:
      "How a file whose edits conflict is left to resolve: markers writes git's conflict markers into it; new-file " +
      "leaves it and writes the new version beside it as <file>.craftjs-new",
  }),
  continue: option(z.boolean().default(false), {
    flag: "--continue",
    description: "Finish a run that stopped on conflicts, once they are resolved: manifest, install, migrations",
  }),
  yes: option(z.boolean().default(false), { flag: "--yes", short: "-y", description: "Apply without asking on a terminal" }),
  allowDirty: option(z.boolean().default(false), {
    flag: "--allow-dirty",
    description: "With --yes, write even though the project's git tree has uncommitted changes",
  }),
  install: option(z.boolean().default(true), {
    flag: "--install",
    negatable: true,
    description: "Install dependencies when the items add some",
  }),
  migrate: option(z.boolean().default(true), {
    flag: "--migrate",
    negatable: true,
    description: "Generate and apply a new migration when the items change the schema",
  }),
  json: option(z.boolean().default(false), { flag: "--json", description: "One JSON result on stdout, failures included" }),
  verbose: option(z.boolean().default(false), { flag: "--verbose", description: "Show the output of install and migrations" }),
});

export type AddOptions = z.output<typeof addOptionsObject>;

/** The options of `create-craftjs remove`: add's, its items being what to take out. */
export const removeOptionsObject = addOptionsObject.omit({ list: true }).extend({
  items: option(z.array(z.string()).default([]), {
    flag: "[item...]",
    description: "What to take out: a feature (api-keys), an OAuth provider (oauth github), payments or storage",
    example: "create-craftjs remove payments",
  }),
});

/** The options of `create-craftjs update`: add's, without items to add. */
export const updateOptionsObject = addOptionsObject.omit({ items: true, list: true });
export type AddOptionKey = keyof AddOptions;

/** The options with the rules that span several of them: an option given without the value it `onlyWith` goes with. */
export const optionsSchema = optionsObject.superRefine((options, ctx) => {
  for (const key of optionKeys) {
    const rule = metaOf(key).onlyWith;
    if (!rule || options[key] === undefined) continue;
    const other = options[rule.option as OptionKey];
    if (other === rule.value) continue;
    const otherFlag = flagOf(rule.option as OptionKey);
    ctx.addIssue({
      code: "custom",
      path: [key],
      message: `only applies to ${otherFlag} ${rule.value} (this project uses ${otherFlag} ${String(other)})`,
    });
  }
});

export type Options = z.output<typeof optionsSchema>;
export type OptionKey = keyof Options;

export const optionShape = optionsObject.shape;

export function metaOf(key: OptionKey): OptionMeta {
  return optionShape[key].meta() as unknown as OptionMeta;
}

/** An option's flag without its value (`--db`), or `directory` for the positional argument. */
export function flagOf(key: OptionKey): string {
  const flag = metaOf(key).flag.split(" ")[0]!;
  return flag.startsWith("[") ? "directory" : flag;
}

/**
 * The options that are not choices of the project but seed .env: a connection string, an AI endpoint and its models.
 * They describe a machine (where its database and model server run) and may hold a credential, so craftjs.json never
 * records them and `add` renders the defaults; the planner hands them to the env values.
 */
export const envSeedKeys = ["databaseUrl", "aiBaseUrl", "aiModels"] as const satisfies readonly OptionKey[];

export type EnvSeeds = Pick<Options, (typeof envSeedKeys)[number]>;

export function envSeeds(options: Options): EnvSeeds {
  return Object.fromEntries(envSeedKeys.map((key) => [key, options[key]])) as EnvSeeds;
}

export function addMetaOf(key: AddOptionKey): OptionMeta {
  return addOptionsObject.shape[key].meta() as unknown as OptionMeta;
}

export const optionKeys = Object.keys(optionShape) as OptionKey[];

/** The options a project records in craftjs.json: its choices. */
export const choiceKeys = optionKeys.filter((key) => metaOf(key).choice);

export const choicesSchema = optionsObject.pick(
  Object.fromEntries(choiceKeys.map((key) => [key, true])) as { [K in OptionKey]?: true },
);

export type Choices = z.output<typeof choicesSchema>;

/** An option's schema without its default and optional wrappers. */
function innerSchema(key: OptionKey): z.ZodType {
  let schema: z.ZodType = optionShape[key];
  while (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema;
}

/** The allowed values of an enum option (or of each item of a list option), else undefined. */
export function allowedValues(key: OptionKey): readonly string[] | undefined {
  let schema = innerSchema(key);
  if (schema instanceof z.ZodPipe) schema = schema.out as z.ZodType;
  if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
  return schema instanceof z.ZodEnum ? (schema.options as string[]) : undefined;
}

export function isListOption(key: OptionKey): boolean {
  const schema = innerSchema(key);
  return schema instanceof z.ZodPipe && schema.out instanceof z.ZodArray;
}

export function isBooleanOption(key: OptionKey): boolean {
  return innerSchema(key) instanceof z.ZodBoolean;
}

export function providerLabel(category: Category, id: string): { label: string; hint?: string } {
  const provider = providers[category].find((candidate) => candidate.id === id);
  return { label: provider?.label ?? id, hint: provider?.hint };
}

/** A choice as the flag that makes it: `--db postgres`, `--no-api-keys`, `--oauth github,google`, `--cors-origins none`. */
export function choiceAsFlag(key: OptionKey, value: unknown): string {
  const flag = metaOf(key).flag.split(" ")[0]!;
  if (typeof value === "boolean") return value ? flag : flag.replace(/^--/, "--no-");
  if (Array.isArray(value)) return `${flag} ${value.length > 0 ? value.join(",") : "none"}`;
  return `${flag} ${shellWord(String(value))}`;
}

/** A value as one POSIX shell word: bare when it is plain, else single-quoted (an app name with spaces). */
function shellWord(value: string): string {
  return /^[\w.,:/@+-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
