import type { z } from "zod";
import { ApiError } from "./errors";

/** Validates input with a zod schema; a failure is a 400 whose details name each failing field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  source: "body" | "query",
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
