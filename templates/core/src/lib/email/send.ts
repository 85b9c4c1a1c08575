import { transport } from "./transport";
import type { EmailMessage } from "./types";

export type { EmailMessage } from "./types";

/** Sends one message through the app's email provider; rejects when it is not accepted. */
export async function sendEmail(message: EmailMessage): Promise<void> {
  await transport.deliver(message);
}
