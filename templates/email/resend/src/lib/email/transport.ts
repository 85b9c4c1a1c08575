import { Resend } from "resend";
import { env } from "@/lib/env";
import { deliverWithoutSetting, keepsOutboxCopy, writeToOutbox } from "./outbox";
import type { EmailTransport } from "./types";

export interface ResendSettings {
  apiKey?: string;
  /** Another endpoint for Resend's API (a proxy, a local fake); unset: Resend itself. */
  baseUrl?: string;
  from?: string;
  /** Also write each message sent to the development outbox. */
  outboxCopy?: boolean;
}

/** Sends each message with one call to Resend's API (POST /emails) through its official SDK. */
export function resendTransport(settings: ResendSettings): EmailTransport {
  let client: Resend | undefined;
  return {
    name: "resend",
    async deliver(message) {
      if (!settings.apiKey)
        return deliverWithoutSetting("Resend", "RESEND_API_KEY", message, Boolean(settings.outboxCopy));
      if (!settings.from) throw new Error("Resend email is not configured: set EMAIL_FROM in the environment.");
      client ??= new Resend(settings.apiKey, { baseUrl: settings.baseUrl?.replace(/\/+$/, "") });
      const { error } = await client.emails.send({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      // The SDK answers failures (refused, unreachable) as a value, not an exception.
      if (error) throw new Error(`Resend did not accept the message: ${error.message}`);
      if (settings.outboxCopy) await writeToOutbox(message);
    },
  };
}

export const transport = resendTransport({
  apiKey: env.RESEND_API_KEY,
  baseUrl: env.RESEND_BASE_URL,
  from: env.EMAIL_FROM,
  outboxCopy: keepsOutboxCopy(env.EMAIL_OUTBOX),
});
