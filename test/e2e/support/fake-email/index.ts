import { startFakeResend } from "./resend.js";
import { startFakeSmtp } from "./smtp.js";
import type { ProviderId } from "../../../../src/providers/index.js";
import type { FakeEmail } from "./types.js";

export type EmailKind = FakeEmail["kind"];

/** The fake of every email service the CLI offers: a provider added to the registry fails to type-check here. */
const FAKES: Record<EmailKind, () => Promise<FakeEmail>> = { resend: startFakeResend, smtp: startFakeSmtp };

/** Whether the email provider sends real mail (through a service this suite fakes), unlike the console. */
export function sendsMail(kind: ProviderId<"email">): kind is EmailKind {
  return kind in FAKES;
}

/** Starts the local fake of the service an app sends email through. */
export function startFakeEmail(kind: EmailKind): Promise<FakeEmail> {
  return FAKES[kind]();
}
