import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EmailMessage } from "./types";

/** What the outbox writes for each message, as JSON. */
export interface OutboxEntry {
  to: string;
  subject: string;
  text: string;
  html: string;
  link: string | null;
  sentAt: string;
}

/** The outbox folder: data/mail under the project (git-ignored with the rest of data/). */
export function outboxDirectory(): string {
  return path.join(process.cwd(), "data", "mail");
}

/**
 * The development outbox: prints the message to the server log as one line with its link, and writes it to
 * `data/mail/<time>-<random>.json`, where a developer (or a browser test) finds the newest message for an address.
 * Returns the file written.
 */
export async function writeToOutbox(message: EmailMessage, directory = outboxDirectory()): Promise<string> {
  const sentAt = new Date().toISOString();
  const entry: OutboxEntry = {
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    link: message.link ?? firstLink(message.text),
    sentAt,
  };
  // The time first, so the names sort oldest to newest; no colons, which some file systems refuse.
  const file = path.join(directory, `${sentAt.replaceAll(":", "-")}-${randomBytes(4).toString("hex")}.json`);
  await mkdir(directory, { recursive: true });
  // Written under a name no reader looks at (not .json), then renamed: a reader never sees half a message.
  await writeFile(`${file}.partial`, `${JSON.stringify(entry, null, 2)}\n`);
  await rename(`${file}.partial`, file);
  console.info(
    `[email] to ${entry.to}: ${entry.subject}${entry.link ? ` ${entry.link}` : ""} (${path.relative(process.cwd(), file)})`,
  );
  return file;
}

/**
 * Whether a provider that sends for real also keeps a copy of each message in the outbox: as EMAIL_OUTBOX says
 * (`on`, `off`), else outside production only. A copy holds the message's link (a password reset's, say), so a
 * production server keeps none unless told to, as a staging server under browser tests may be.
 */
export function keepsOutboxCopy(setting: "on" | "off" | undefined): boolean {
  return setting ? setting === "on" : process.env.NODE_ENV !== "production";
}

/**
 * What a provider that sends for real does without a setting it needs (`variable`): where the outbox is kept
 * (development, tests, or a server with EMAIL_OUTBOX=on such as one under browser tests) the message goes there, with
 * one warning per process; elsewhere (production) it is an error naming the variable.
 */
export async function deliverWithoutSetting(
  provider: string,
  variable: string,
  message: EmailMessage,
  outbox: boolean,
): Promise<void> {
  if (!outbox) throw new Error(`${provider} email is not configured: set ${variable} in the environment.`);
  if (!warned.has(variable)) {
    warned.add(variable);
    console.warn(`[email] ${variable} is not set: ${provider} sends nothing, messages go to data/mail.`);
  }
  await writeToOutbox(message);
}

const warned = new Set<string>();

function firstLink(text: string): string | null {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? null;
}
