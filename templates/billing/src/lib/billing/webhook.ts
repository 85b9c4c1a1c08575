import { z } from "zod";
import type { SkippedWebhook } from "./types";

/**
 * What the adapters share once a webhook is verified. Each reads only the event types it handles, and of those only
 * the fields it uses, with a schema: a field the provider adds is left alone, and one it changes or drops makes the
 * event a SkippedWebhook naming that field, never an exception (a 500 the provider would retry until it disables the
 * endpoint).
 */

/** A verified event of a type the app has no use for. */
export function ignoredEvent(id: string, type: string, reason = "the app does not handle this type"): SkippedWebhook {
  return { id, type, skipped: "ignored", reason };
}

/** A verified event of a type the app handles, whose body its schema does not read: the first few issues, on one line. */
export function unreadableEvent(id: string, type: string, problem: z.ZodError | string): SkippedWebhook {
  const reason =
    typeof problem === "string"
      ? problem
      : problem.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join(".") || "the body"}: ${issue.message}`)
          .join("; ");
  return { id, type, skipped: "unreadable", reason };
}

/** A date the provider sends as an ISO 8601 string, as a Date; a string that is no date is an issue. */
export const dateString = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "not a date")
  .transform((value) => new Date(value));
