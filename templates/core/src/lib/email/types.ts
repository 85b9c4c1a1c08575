/** One message the app sends: a plain-text body and the same in simple HTML. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The link the message is about (a reset or verification link), kept apart so the outbox can show it. */
  link?: string;
}

/** Where messages go: the outbox, or a provider that sends them. Each provider is one file, ./transport.ts. */
export interface EmailTransport {
  readonly name: string;
  /** Resolves once the message is accepted; rejects with what went wrong otherwise. */
  deliver(message: EmailMessage): Promise<void>;
}
