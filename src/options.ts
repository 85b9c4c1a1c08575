import path from "node:path";
import { z } from "zod";
import { detectPackageManager, packageManagers } from "./package-manager.js";
import { type Category, providerIds, providers } from "./providers/index.js";
import { validatePackageName } from "./package-name.js";

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
  /** The prompt asking for it in interactive mode; `when` limits it to answers that make it relevant. */
  prompt?: { message: string; when?: (answers: Record<string, unknown>) => boolean; placeholder?: string };
}

function option<T extends z.ZodType>(schema: T, meta: OptionMeta): T {
  return schema.meta(meta as unknown as Record<string, unknown>);
}

function providerOption(category: Category, meta: Omit<OptionMeta, "category" | "choice">) {
  const [first] = providerIds(category);
  return option(z.enum(providerIds(category)).default(first), { ...meta, category, choice: true });
}

/** A comma-separated flag value as a list; `none` is the empty list. */
function commaList<Item extends z.ZodType>(item: Item) {
  return z.preprocess(
    (value) =>
      typeof value === "string"
        ? value === "none"
          ? []
          : value
              .split(",")
              .map((part) => part.trim())
              .filter(Boolean)
        : value,
    z.array(item),
  );
}

const origin = z
  .string()
  .regex(/^https?:\/\/[^/\s]+$/, "must be an origin: scheme, host and optional port, no path (https://app.example.com)");

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, "must be a PostgreSQL connection string, like postgres://user@host:5432/db");

export const DEFAULT_DIRECTORY = "my-craftjs-app";

/** The single source of truth for every option: flags, prompts, defaults, validation, help and the manifest. */
const optionsObject = z.object({
    directory: option(
      z
        .string()
        .min(1)
        .default(DEFAULT_DIRECTORY)
        .superRefine((directory, ctx) => {
          for (const problem of validatePackageName(path.basename(path.resolve(directory)))) {
            ctx.addIssue({ code: "custom", message: problem });
          }
        }),
      {
        flag: "[directory]",
        description: `Where to create the app; its name becomes the package name (default: ${DEFAULT_DIRECTORY})`,
        prompt: { message: "Where should the app go?", placeholder: DEFAULT_DIRECTORY },
        example: "create-craftjs my-app",
      },
    ),
    db: providerOption("db", { flag: "--db <name>", description: "Database", prompt: { message: "Which database?" } }),
    databaseUrl: option(postgresUrl.optional(), {
      flag: "--database-url <url>",
      description: "PostgreSQL connection string written to .env (with --db postgres)",
      example: "create-craftjs my-app --db postgres --database-url postgres://postgres@127.0.0.1:5432/my_app",
      prompt: {
        message: "PostgreSQL connection string?",
        placeholder: "postgres://postgres@127.0.0.1:5432/<app name>",
        when: (answers) => answers.db === "postgres",
      },
    }),
    ai: providerOption("ai", { flag: "--ai <name>", description: "AI provider", prompt: { message: "Which AI provider?" } }),
    payments: providerOption("payments", {
      flag: "--payments <name>",
      description: "Payment provider for plans and subscriptions, or none",
      prompt: { message: "Which payment provider?" },
    }),
    storage: providerOption("storage", {
      flag: "--storage <name>",
      description: "Where uploads are stored, or none",
      prompt: { message: "Where should uploads be stored?" },
    }),
    ratelimit: providerOption("ratelimit", {
      flag: "--ratelimit <store>",
      description: "Rate-limit store",
      prompt: { message: "Where are rate limits counted?" },
    }),
    oauth: option(commaList(z.enum(providerIds("oauth"))).default(providerIds("oauth")), {
      flag: "--oauth <list>",
      description: "OAuth sign-in providers, comma-separated, or none (each is on once its keys are in .env)",
      defaultLabel: providerIds("oauth").join(","),
      category: "oauth",
      choice: true,
      prompt: { message: "Which OAuth sign-in providers?" },
    }),
    apiKeys: option(z.boolean().default(true), {
      flag: "--api-keys",
      negatable: true,
      choice: true,
      description: "API keys (Authorization: Bearer) for every protected route",
    }),
    corsOrigins: option(commaList(origin).default([]), {
      flag: "--cors-origins <list>",
      description: "More origins allowed to call the API from a browser, comma-separated",
      defaultLabel: "none beyond the app's own URL, and localhost in development",
      example: "create-craftjs my-app --cors-origins https://admin.example.com,https://example.org",
      choice: true,
    }),
    packageManager: option(z.enum(packageManagers).default(() => detectPackageManager()), {
      flag: "--package-manager <name>",
      description: "Package manager for install and scripts",
      defaultLabel: "the one that started the CLI, else npm",
      choice: true,
    }),
    install: option(z.boolean().default(true), {
      flag: "--install",
      negatable: true,
      description: "Install dependencies",
      prompt: { message: "Install dependencies now?" },
    }),
    migrate: option(z.boolean().default(true), {
      flag: "--migrate",
      negatable: true,
      description: "Generate and apply the database migrations after install",
    }),
    git: option(z.boolean().default(true), {
      flag: "--git",
      negatable: true,
      description: "git init and a first commit (skipped inside a repository or without a git identity)",
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
    description: "Write the new version of a file whose edits conflict, keeping yours as <file>.orig",
  }),
  yes: option(z.boolean().default(false), { flag: "--yes", short: "-y", description: "Apply without asking on a terminal" }),
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
export type AddOptionKey = keyof AddOptions;

/** The options with the rules that span several of them (incompatible combinations). */
export const optionsSchema = optionsObject.superRefine((options, ctx) => {
    if (options.databaseUrl !== undefined && options.db !== "postgres") {
      ctx.addIssue({
        code: "custom",
        path: ["databaseUrl"],
        message: `only applies to --db postgres (this project uses --db ${options.db})`,
      });
    }
  });

export type Options = z.output<typeof optionsSchema>;
export type OptionKey = keyof Options;

export const optionShape = optionsObject.shape;

export function metaOf(key: OptionKey): OptionMeta {
  return optionShape[key].meta() as unknown as OptionMeta;
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
  return `${flag} ${String(value)}`;
}
