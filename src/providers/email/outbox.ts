import type { EnvVar, ReadmeSection } from "../types.js";

/** How every email provider documents the development outbox, which each of them falls back to or is. */
export const outboxReadme: ReadmeSection = {
  title: "Email",
  body:
    "`src/lib/email/send.ts` sends every message (`sendEmail({ to, subject, text, html })`); the password reset and\n" +
    "address verification mails are in `src/lib/email/messages.ts`, and Better Auth sends them (`src/lib/auth/server.ts`).\n" +
    "Whether an account must verify its address before signing in is one switch, `src/config/auth.ts`. A message that\n" +
    "goes to the development outbox is printed to the server log as one line with its link and written to\n" +
    "`data/mail/<time>-<random>.json` (`to`, `subject`, `text`, `html`, `link`, `sentAt`); the newest file for an\n" +
    "address holds the link a browser test follows.",
};

/** The sender of every message, for the providers that send for real. */
export function emailFrom(rule: string): EnvVar {
  return {
    name: "EMAIL_FROM",
    comment: `The sender of every message, as "Name <address>" or an address: ${rule}. Required to send.`,
    schema: "z.string().min(3).optional()",
    example: "My App <no-reply@example.com>",
  };
}

/** Whether a provider that sends also copies each message to the outbox. */
export const emailOutbox: EnvVar = {
  name: "EMAIL_OUTBOX",
  comment:
    "on: also write each message sent to ./data/mail and the log, link included (development, or a staging server under browser tests); off: never. Unset: on outside production, off in production.",
  schema: 'z.enum(["on", "off"]).optional()',
  example: "",
};
