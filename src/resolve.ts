import type { z } from "zod";
import { CliError } from "./errors.js";
import { allowedValues, metaOf, type OptionKey, type Options, optionsSchema } from "./options.js";

/** Turns the given values (flags, answers) into validated options with defaults, or a CliError naming each flag. */
export function resolveOptions(given: Partial<Record<OptionKey, unknown>>): Options {
  const result = optionsSchema.safeParse(given);
  if (result.success) return result.data;
  throw new CliError(formatIssues(result.error, given));
}

/** One paragraph per refused option: its flag, what is wrong (the allowed values, for a choice), an example. */
export function formatIssues(error: z.ZodError, given: Partial<Record<OptionKey, unknown>>): string {
  const problems = new Map<OptionKey, string[]>();
  for (const issue of error.issues) {
    const key = issue.path[0] as OptionKey;
    const allowed = allowedValues(key);
    const message = allowed ? `"${String(given[key])}" is not one of ${allowed.join(", ")}` : issue.message;
    const messages = problems.get(key) ?? [];
    if (!messages.includes(message)) messages.push(message);
    problems.set(key, messages);
  }
  const paragraphs = [...problems].map(([key, messages]) => {
    const meta = metaOf(key);
    const flag = meta.flag.split(" ")[0]!;
    const label = flag.startsWith("[") ? "directory" : flag;
    const allowed = allowedValues(key);
    const example = meta.example ?? (allowed && `create-craftjs my-app ${flag} ${allowed[0]}`);
    return `  ${label}: ${messages.join("; ")}.${example ? `\n    Example: ${example}` : ""}`;
  });
  return `Invalid options:\n${paragraphs.join("\n")}`;
}
