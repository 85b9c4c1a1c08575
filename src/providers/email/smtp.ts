import type { ItemDescriptor } from "../types.js";
import { emailFrom, emailOutbox, outboxReadme } from "./outbox.js";

/** Any SMTP server for `--email smtp` (a mail provider's relay, Postfix, Mailpit), through nodemailer. */
export const smtp: ItemDescriptor<"smtp"> = {
  id: "smtp",
  label: "SMTP",
  hint: "any mail server or provider's relay, through nodemailer",
  templates: "email/smtp",
  templateData: { requireEmailVerification: true },
  dependencies: ["nodemailer"],
  env: [
    {
      name: "SMTP_URL",
      comment:
        "The SMTP server with its login: smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://user:pass@host:465 (TLS from the start); percent-encode special characters in the password. Unset: in development messages go to ./data/mail; in production sending fails, naming this variable.",
      schema: 'z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()',
      example: "smtp://user:pass@smtp.example.com:587",
    },
    emailFrom("an address your SMTP server may send from"),
    emailOutbox,
  ],
  readme: [
    outboxReadme,
    {
      title: "Where email goes",
      body:
        "Through the SMTP server in `SMTP_URL` (`smtp://user:pass@host:587`, or `smtps://` on port 465), from `EMAIL_FROM`.\n" +
        "Without `SMTP_URL` a development server writes each message to the outbox instead, with one warning; a\n" +
        "production server refuses to send and logs which variable is missing. Outside production each message sent is\n" +
        "also copied to the outbox (`EMAIL_OUTBOX=off` stops that; `on` keeps it in production, for a staging server\n" +
        "under browser tests).",
    },
  ],
  nextSteps: ["Set SMTP_URL (smtp://user:pass@host:587) and EMAIL_FROM in .env to send email"],
};
