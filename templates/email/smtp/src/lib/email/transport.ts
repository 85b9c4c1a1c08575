import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { deliverWithoutSetting, keepsOutboxCopy, writeToOutbox } from "./outbox";
import type { EmailTransport } from "./types";

export interface SmtpSettings {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  url?: string;
  from?: string;
  /** Also write each message sent to the development outbox. */
  outboxCopy?: boolean;
}

/** Sends each message to an SMTP server through nodemailer, one connection per message. */
export function smtpTransport(settings: SmtpSettings): EmailTransport {
  let mailer: ReturnType<typeof connect> | undefined;
  return {
    name: "smtp",
    async deliver(message) {
      if (!settings.url) return deliverWithoutSetting("SMTP", "SMTP_URL", message, Boolean(settings.outboxCopy));
      if (!settings.from) throw new Error("SMTP email is not configured: set EMAIL_FROM in the environment.");
      mailer ??= connect(settings.url);
      await mailer.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      if (settings.outboxCopy) await writeToOutbox(message);
    },
  };
}

/** nodemailer's SMTP transport for a connection URL, giving up on a silent server within seconds, not minutes. */
function connect(url: string) {
  return nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}

export const transport = smtpTransport({
  url: env.SMTP_URL,
  from: env.EMAIL_FROM,
  outboxCopy: keepsOutboxCopy(env.EMAIL_OUTBOX),
});
