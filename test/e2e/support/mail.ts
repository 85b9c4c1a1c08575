import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Suite } from "./suite.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  link: string;
}

/**
 * Every message the app sent to `to` so far, oldest first, read where its email provider puts it: the fake Resend
 * or SMTP server, else the app's outbox in data/mail.
 */
export async function mailsTo(suite: Suite, to: string): Promise<Mail[]> {
  if (suite.email) {
    return suite.email.messages
      .filter((message) => message.to.includes(to))
      .map((message) => ({ to, subject: message.subject, text: message.text, link: firstLink(message.text) }));
  }
  const directory = path.join(suite.appDir, "data", "mail");
  const names = await readdir(directory).catch(() => [] as string[]);
  const entries = await Promise.all(
    names
      .filter((name) => name.endsWith(".json"))
      .map(async (name) => JSON.parse(await readFile(path.join(directory, name), "utf8"))),
  );
  return entries
    .filter((entry) => entry.to === to)
    .sort((a, b) => String(a.sentAt).localeCompare(String(b.sentAt)))
    .map((entry) => ({ to, subject: entry.subject, text: entry.text, link: entry.link }));
}

/** The newest message to `to` whose link contains `linkPart`, waiting a few seconds for it. */
export async function newestMail(suite: Suite, to: string, linkPart: string): Promise<Mail> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = (await mailsTo(suite, to)).filter((mail) => mail.link?.includes(linkPart)).at(-1);
    if (found) return found;
    await sleep(100);
  }
  throw new Error(`No mail to ${to} with a link to ${linkPart} (${suite.email ? `fake ${suite.email.kind}` : "data/mail"})`);
}

function firstLink(text: string): string {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? "";
}
