import type { ItemDescriptor } from "../types.js";
import { emailFrom, emailOutbox, outboxReadme } from "./outbox.js";

/** Resend (resend.com) for `--email resend`: its official SDK, one API call per message. */
export const resend: ItemDescriptor<"resend"> = {
  id: "resend",
  label: "Resend",
  hint: "an email API: one key, a verified domain",
  templates: "email/resend",
  templateData: { requireEmailVerification: true },
  dependencies: ["resend"],
  env: [
    {
      name: "RESEND_API_KEY",
      comment:
        "Resend API key (re_...) with sending access: resend.com > API Keys. Unset: in development messages go to ./data/mail; in production sending fails, naming this variable.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "RESEND_BASE_URL",
      comment:
        "Another endpoint for Resend's API, for local testing or a proxy (e.g. http://127.0.0.1:4010). Unset: https://api.resend.com.",
      schema: "z.url().optional()",
      example: "",
    },
    emailFrom(
      "an address on a domain verified in Resend (resend.com > Domains); onboarding@resend.dev sends only to your own address",
    ),
    emailOutbox,
  ],
  readme: [
    outboxReadme,
    {
      title: "Where email goes",
      body:
        "Through Resend (`RESEND_API_KEY`, from `EMAIL_FROM`, an address on a domain verified in Resend). Without the key\n" +
        "a development server writes each message to the outbox instead, with one warning; a production server refuses\n" +
        "to send and logs which variable is missing. Outside production each message sent is also copied to the outbox\n" +
        "(`EMAIL_OUTBOX=off` stops that; `on` keeps it in production, for a staging server under browser tests).",
    },
  ],
  nextSteps: ["Set RESEND_API_KEY and EMAIL_FROM (an address on a domain verified in Resend) in .env to send email"],
};
