import { Command, Option } from "commander";
import { CliError } from "./errors.js";
import { allowedValues, metaOf, type OptionKey, optionKeys, optionShape } from "./options.js";
import { CANCELLED } from "./prompts.js";
import { CLI_VERSION } from "./version.js";

/** Builds the command line from the options schema: every flag, its help line and its default come from there. */
export function buildProgram(): Command {
  const program = new Command("create-craftjs")
    .description("Create a CraftJS app: Next.js, auth, database and an API kernel, ready to run.")
    .version(CLI_VERSION, "-v, --version")
    .showHelpAfterError("(run create-craftjs --help for every option)")
    .exitOverride();
  for (const key of optionKeys) {
    const meta = metaOf(key);
    if (meta.flag.startsWith("[")) {
      program.argument(meta.flag, meta.description);
      continue;
    }
    const allowed = allowedValues(key);
    const fallback = defaultLabel(key);
    const help = [meta.description, allowed && `: ${allowed.join(" | ")}`, fallback && ` (default: ${fallback})`]
      .filter(Boolean)
      .join("");
    const flags = meta.short ? `${meta.short}, ${meta.flag}` : meta.flag;
    program.addOption(new Option(flags, help));
    if (meta.negatable) {
      const name = meta.flag.replace(/^--/, "");
      program.addOption(new Option(`--no-${name}`, `Turn off --${name}`));
    }
  }
  return program;
}

function defaultLabel(key: OptionKey): string | undefined {
  const meta = metaOf(key);
  if (meta.defaultLabel) return meta.defaultLabel;
  const result = optionShape[key].safeParse(undefined);
  if (!result.success || result.data === undefined) return undefined;
  if (typeof result.data === "boolean") return meta.negatable ? (result.data ? "on" : "off") : undefined;
  return String(result.data);
}

/** Runs the CLI and returns its exit code; never throws for a user error. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  let given: Partial<Record<OptionKey, unknown>>;
  try {
    program.parse(argv);
    given = {};
    const values = program.opts();
    for (const key of optionKeys) {
      if (program.getOptionValueSource(key) === "cli") given[key] = values[key];
    }
    if (program.args[0] !== undefined) given.directory = program.args[0];
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return typeof code === "number" ? code : 1;
  }
  try {
    const { create } = await import("./create.js");
    return await create(given);
  } catch (error) {
    if (error instanceof CliError) {
      if (error.exitCode !== CANCELLED) process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
