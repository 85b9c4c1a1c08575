import { z } from "zod";
import { ApiError } from "./errors";

/** Where a request's input came from; a failure names it when no single field is at fault. */
export type InputSource = "body" | "query" | "path";

/** Validates input with a zod schema; a failure is a 400 whose details name each failing field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  source: InputSource,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : source;
    fields[field] ??= issue.message;
  }
  throw new ApiError("INVALID_REQUEST", `The request ${source} is invalid.`, { fields });
}

/**
 * C0 control characters other than tab, newline and carriage return, and UTF-16 halves without their pair.
 * PostgreSQL cannot store NUL in text at all; the other controls and the lone halves are never part of real text
 * (they corrupt logs and terminals, and the halves would be stored as U+FFFD), so both databases refuse them alike.
 */
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDFFF]/u;

/** Whether a string holds a character that `storedText` refuses. */
export function hasUnstorableCharacters(value: string): boolean {
  return UNSTORABLE.test(value);
}

/**
 * A string that will be stored or used to look up stored rows (ids, titles, messages, cursors): it refuses the
 * characters above with a 400 naming the field, instead of a database error after the work has started.
 */
export function storedText() {
  return z.string().refine((value) => !hasUnstorableCharacters(value), {
    message: "must not contain control characters (other than tab and newline) or unpaired surrogates",
  });
}
