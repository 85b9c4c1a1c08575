import { Command, Option } from "commander";
import type { z } from "zod";
import { CliError, failureResult } from "./errors.js";
import {
  addOptionsObject,
  allowedValues,
  type OptionKey,
  type OptionMeta,
  optionShape,
  removeOptionsObject,
  updateOptionsObject,
} from "./options.js";
import { printJson, tolerateClosedOutput } from "./reporter.js";
import { CLI_VERSION } from "./version.js";

type Shape = Record<string, z.ZodType>;

/** Declares every option of a schema shape on a command: its flag, its help line and its default come from there. */
function declareOptions(program: Command, shape: Shape, allowed: (key: string) => readonly string[] | undefined): void {
  for (const [key, schema] of Object.entries(shape)) {
    const meta = schema.meta() as unknown as OptionMeta;
    if (meta.flag.startsWith("[")) {
      program.argument(meta.flag, meta.description);
      continue;
    }
    const values = allowed(key);
    const fallback = defaultLabel(schema, meta);
    const help = [meta.description, values && `: ${values.join(" | ")}`, fallback && ` (default: ${fallback})`]
      .filter(Boolean)
      .join("");
    const flags = meta.short ? `${meta.short}, ${meta.flag}` : meta.flag;
    program.addOption(new Option(flags, help));
    if (meta.negatable) {
      const name = meta.flag.replace(/^--/, "");
      program.addOption(new Option(`--no-${name}`, `Turn off --${name}`));
    }
  }
}

function defaultLabel(schema: z.ZodType, meta: OptionMeta): string | undefined {
  if (meta.defaultLabel) return meta.defaultLabel;
  const result = schema.safeParse(undefined);
  if (!result.success || result.data === undefined) return undefined;
  if (typeof result.data === "boolean") return meta.negatable ? (result.data ? "on" : "off") : undefined;
  if (Array.isArray(result.data)) return undefined;
  return String(result.data);
}

/** The values the command line gave, by option key (defaults left to the schema). */
function givenValues(program: Command, shape: Shape): Record<string, unknown> {
  const given: Record<string, unknown> = {};
  const values = program.opts();
  for (const key of Object.keys(shape)) {
    if (program.getOptionValueSource(key) === "cli") given[key] = values[key];
  }
  return given;
}

/** Builds the command line from the options schema: every flag, its help line and its default come from there. */
export function buildProgram(): Command {
  const program = new Command("create-craftjs")
    .description("Create a CraftJS app: Next.js, auth, database and an API kernel, ready to run.")
    .version(CLI_VERSION, "-v, --version")
    .showHelpAfterError("(run create-craftjs --help for every option)")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  create-craftjs my-app                      ask, with the recommended setup one Enter away",
        "  create-craftjs my-app --yes                the recommended setup, no questions (CI never asks)",
        "  create-craftjs my-app --db postgres --ai anthropic --payments polar --storage s3",
        "  create-craftjs my-app --ai openai-compatible --ai-models llama3.2,qwen2.5",
        "  create-craftjs my-app --dry-run --json     the plan as JSON; nothing is written",
        "",
        "Commands:",
        "  create-craftjs add <item...>  bring a route or a feature into an existing project (add --help, add --list)",
        "  create-craftjs remove <item...>  take a feature, an OAuth provider, payments or storage out (remove --help)",
        "  create-craftjs update         carry a project to this version, keeping your edits (update --help)",
      ].join("\n"),
    )
    .exitOverride();
  declareOptions(program, optionShape, (key) => allowedValues(key as OptionKey));
  return program;
}

export function buildAddProgram(): Command {
  const program = new Command("create-craftjs add")
    .description(
      "Bring routes and features into an existing CraftJS project. Files you edited are merged with the new version; " +
        "a change that cannot be merged is shown and nothing is written (unless --force).",
    )
    .showHelpAfterError("(run create-craftjs add --help for every option)")
    .exitOverride();
  declareOptions(program, addOptionsObject.shape, () => undefined);
  return program;
}

export function buildRemoveProgram(): Command {
  const program = new Command("create-craftjs remove")
    .description(
      "Take a feature, an OAuth provider, payments or storage out of an existing CraftJS project. Files you never " +
        "edited are deleted, edited ones kept and listed; its tables keep their data; its variables leave .env.example " +
        "and are commented out in .env.",
    )
    .showHelpAfterError("(run create-craftjs remove --help for every option)")
    .exitOverride();
  declareOptions(program, removeOptionsObject.shape, () => undefined);
  return program;
}

export function buildUpdateProgram(): Command {
  const program = new Command("create-craftjs update")
    .description(
      "Carry an existing CraftJS project to this version of create-craftjs: its recorded choices rendered with today's " +
        "templates and pins. Files you never edited are replaced, edited ones merged with the new version; a change " +
        "that cannot be merged is shown and nothing is written (unless --force). Then install and migrations.",
    )
    .showHelpAfterError("(run create-craftjs update --help for every option)")
    .exitOverride();
  declareOptions(program, updateOptionsObject.shape, () => undefined);
  return program;
}

/** Each subcommand's command line and the options it takes. */
const SUBCOMMANDS: Record<"add" | "remove" | "update", { build: () => Command; shape: Shape }> = {
  add: { build: buildAddProgram, shape: addOptionsObject.shape },
  remove: { build: buildRemoveProgram, shape: removeOptionsObject.shape },
  update: { build: buildUpdateProgram, shape: updateOptionsObject.shape },
};

/**
 * Runs the CLI and returns its exit code; never throws for a user error. Under --json, every outcome is one JSON
 * object on stdout, a refused command line or a failure included: `{ ok: false, code, message, ... }`.
 */
export async function main(argv: string[]): Promise<number> {
  tolerateClosedOutput();
  const subcommand = Object.hasOwn(SUBCOMMANDS, argv[2] ?? "") ? (argv[2] as keyof typeof SUBCOMMANDS) : undefined;
  const program = subcommand ? SUBCOMMANDS[subcommand].build() : buildProgram();
  const shape: Shape = subcommand ? SUBCOMMANDS[subcommand].shape : optionShape;
  let given: Record<string, unknown>;
  try {
    program.parse(subcommand ? [argv[0]!, argv[1]!, ...argv.slice(3)] : argv);
    given = givenValues(program, shape);
    if (subcommand === "add" || subcommand === "remove") given.items = program.args;
    else if (subcommand === undefined && program.args[0] !== undefined) given.directory = program.args[0];
  } catch (error) {
    // Commander has printed its message (or the help, or the version: exit code 0) on the terminal.
    const code = (error as { exitCode?: number }).exitCode;
    const exitCode = typeof code === "number" ? code : 1;
    if (exitCode !== 0 && argv.includes("--json")) {
      printJson(failureResult("INVALID_OPTIONS", (error as Error).message.replace(/^error: /, "")));
    }
    return exitCode;
  }
  try {
    if (subcommand) {
      const commands = await import("./add/command.js");
      return await commands[subcommand](given);
    }
    const { create } = await import("./create.js");
    return await create(given as Partial<Record<OptionKey, unknown>>);
  } catch (error) {
    if (error instanceof CliError) {
      if (given.json === true) printJson(failureResult(error.code, error.message, error.details));
      // A cancelled prompt or an interrupted write has said so already.
      else if (error.code !== "CANCELLED") process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (given.json === true) printJson(failureResult("INTERNAL", error instanceof Error ? error.message : String(error)));
    throw error;
  }
}

