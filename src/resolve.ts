import type { z } from "zod";
import { CliError } from "./errors.js";
import { allowedValues, metaOf, type OptionKey, type Options, optionsSchema } from "./options.js";

/** Turns the given values (flags, answers) into validated options with defaults, or a CliError naming each flag. */
export function resolveOptions(given: Partial<Record<OptionKey, unknown>>): Options {
  const result = optionsSchema.safeParse(given);
  if (result.success) return result.data;
  throw new CliError(formatIssues(result.error, given));
}

export function formatIssues(error: z.ZodError, given: Partial<Record<OptionKey, unknown>>): string {
  const lines = error.issues.map((issue) => {
    const key = issue.path[0] as OptionKey | undefined;
    if (!key) return `  ${issue.message}`;
    const meta = metaOf(key);
    const label = meta.flag.startsWith("[") ? "directory" : meta.flag.split(" ")[0];
    const allowed = allowedValues(key);
    if (allowed) {
      const example = `create-craftjs my-app ${meta.flag.split(" ")[0]} ${allowed[0]}`;
      return `  ${label}: "${String(given[key])}" is not one of ${allowed.join(", ")}.\n    Example: ${example}`;
    }
    return `  ${label}: ${issue.message}`;
  });
  return `Invalid options:\n${[...new Set(lines)].join("\n")}`;
}
