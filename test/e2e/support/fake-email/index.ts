import { startFakeResend } from "./resend.js";
import { startFakeSmtp } from "./smtp.js";
import type { FakeEmail } from "./types.js";

export type EmailKind = FakeEmail["kind"];

/** Starts the local fake of the service an app sends email through. */
export function startFakeEmail(kind: EmailKind): Promise<FakeEmail> {
  return { resend: startFakeResend, smtp: startFakeSmtp }[kind]();
}
