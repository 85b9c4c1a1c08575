import type { ProviderId } from "../../../../src/providers/index.js";

/** One message as the fake received it, its text and HTML decoded. */
export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A local stand-in for the service a generated app sends email through: what arrives is kept, in order. */
export interface FakeEmail {
  /** Every email provider the CLI offers but the console, which sends nothing (see index.ts). */
  readonly kind: Exclude<ProviderId<"email">, "console">;
  /** The env vars that point the generated app at this fake (and keep a copy of each message in data/mail). */
  readonly appEnv: Record<string, string>;
  readonly messages: ReceivedEmail[];
  close(): Promise<void>;
}

export const FAKE_SENDER = "CraftJS e2e <no-reply@e2e.example.com>";
