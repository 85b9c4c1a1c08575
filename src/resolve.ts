import { z } from "zod";
import { CliError } from "./errors.js";
import { allowedValues, flagOf, metaOf, type OptionKey, type Options, optionShape, optionsSchema } from "./options.js";

/** Turns the given values (flags, answers) into validated options with defaults, or a CliError naming each flag. */
export function resolveOptions(given: Partial<Record<OptionKey, unknown>>): Options {
  const result = optionsSchema.safeParse(given);
  if (result.success) return result.data;
  throw new CliError(formatIssues(result.error, given));
}

/**
 * Refuses, like resolveOptions, the given values that are wrong on their own (a bad name, an unknown provider); the
 * rules between options wait for the other answers. Interactive mode checks the flags with it before asking anything.
 */
export function assertValidValues(given: Partial<Record<OptionKey, unknown>>): void {
  const issues = (Object.keys(given) as OptionKey[]).flatMap((key) => {
    const result = optionShape[key].safeParse(given[key]);
    return result.success ? [] : result.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }));
  });
  if (issues.length > 0) throw new CliError(formatIssues(new z.ZodError(issues), given));
}

/** Every problem with each refused option, by option, in the order found; an enum's problem names its allowed values. */
function problemsByOption(error: z.ZodError, given: Partial<Record<OptionKey, unknown>>): Map<OptionKey, string[]> {
  const problems = new Map<OptionKey, string[]>();
  for (const issue of error.issues) {
    const key = issue.path[0] as OptionKey;
    const allowed = allowedValues(key);
    const message = allowed ? `"${String(given[key])}" is not one of ${allowed.join(", ")}` : issue.message;
    const messages = problems.get(key) ?? [];
    if (!messages.includes(message)) messages.push(message);
    problems.set(key, messages);
  }
  return problems;
}

/**
 * One paragraph per refused option: its flag, what is wrong (the allowed values, for a choice; every problem at
 * once, one a line when there are several), and an example.
 */
export function formatIssues(error: z.ZodError, given: Partial<Record<OptionKey, unknown>>): string {
  const paragraphs = [...problemsByOption(error, given)].map(([key, messages]) => {
    const flag = flagOf(key);
    const allowed = allowedValues(key);
    const example = metaOf(key).example ?? (allowed && `create-craftjs my-app ${flag} ${allowed[0]}`);
    const what = messages.length === 1 ? ` ${messages[0]}.` : messages.map((message) => `\n    - ${message}`).join("");
    return `  ${flag}:${what}${example ? `\n    Example: ${example}` : ""}`;
  });
  return `Invalid options:\n${paragraphs.join("\n")}`;
}
