import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect } from "vitest";
import { Browser } from "../support/http.js";
import type { Suite } from "../support/suite.js";

const OLD_PASSWORD = "a long enough password";
const NEW_PASSWORD = "a brand new long password";

interface Mail {
  to: string;
  subject: string;
  text: string;
  link: string;
}

/**
 * Email as a user meets it: sign-up sends the verification mail, whose link verifies the address; a forgotten
 * password is replaced through the mailed link (Better Auth's link redirects to the app's /reset-password page with
 * the token), after which only the new password signs in; an unknown address is answered the same and mailed
 * nothing. Mail is read where the app's provider puts it: the fake Resend or SMTP server, else data/mail.
 */
export function emailSteps(suite: Suite): void {
  const { pipeline } = suite;

  /** Every message sent to `to` so far, oldest first, from the fake service or the app's outbox. */
  async function mailsTo(to: string): Promise<Mail[]> {
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
  async function newestMail(to: string, linkPart: string): Promise<Mail> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = (await mailsTo(to)).filter((mail) => mail.link?.includes(linkPart)).at(-1);
      if (found) return found;
      await sleep(100);
    }
    throw new Error(
      `No mail to ${to} with a link to ${linkPart} (${suite.email ? `fake ${suite.email.kind}` : "data/mail"})`,
    );
  }

  /** Follows a mailed link on this app without following its redirect. */
  const follow = (link: string) => {
    const url = new URL(link);
    expect(url.origin).toBe(new URL(suite.url).origin);
    return new Browser(suite.url).get(`${url.pathname}${url.search}`);
  };

  pipeline.step("email: sign-up sends the verification mail, and its link verifies the address", async () => {
    const user = await suite.newUser("vera");
    const mail = await newestMail(user.email, "/api/auth/verify-email");
    expect(mail.subject).toMatch(/verify/i);
    expect(mail.text).toContain(mail.link);
    const before = await user.browser.get("/api/auth/get-session");
    expect(before.json.user.emailVerified).toBe(false);
    const verified = await follow(mail.link);
    expect(verified.status, verified.text).toBe(302);
    const after = await user.browser.get("/api/auth/get-session");
    expect(after.json.user.emailVerified).toBe(true);
    if (suite.email) expect(suite.email.messages.at(-1)?.from).toContain("no-reply@e2e.example.com");
  });

  pipeline.step(
    "email: a forgotten password is replaced through the mailed link; only the new one signs in",
    async () => {
      const user = await suite.newUser("rosa");
      const requested = await new Browser(suite.url).post("/api/auth/request-password-reset", {
        email: user.email,
        redirectTo: "/reset-password",
      });
      expect(requested.status, requested.text).toBe(200);

      const mail = await newestMail(user.email, "/api/auth/reset-password/");
      expect(mail.subject).toMatch(/reset/i);
      const link = new URL(mail.link);
      expect(link.pathname).toMatch(/^\/api\/auth\/reset-password\/[\w-]+$/);
      expect(link.searchParams.get("callbackURL")).toBe("/reset-password");

      const followed = await follow(mail.link);
      expect(followed.status, followed.text).toBe(302);
      const page = new URL(followed.headers.get("location")!, suite.url);
      expect(page.pathname).toBe("/reset-password");
      const token = page.searchParams.get("token");
      expect(token).toBeTruthy();

      const reset = await new Browser(suite.url).post("/api/auth/reset-password", { newPassword: NEW_PASSWORD, token });
      expect([reset.status, reset.json]).toEqual([200, { status: true }]);
      const withNew = await new Browser(suite.url).signIn(user.email, NEW_PASSWORD);
      expect(withNew.status, withNew.text).toBe(200);
      const withOld = await new Browser(suite.url).signIn(user.email, OLD_PASSWORD);
      expect(withOld.status).toBe(401);
      // The reset signed the account out everywhere, and its token works once.
      expect((await user.browser.get("/api/auth/get-session")).json).toBeNull();
      const again = await new Browser(suite.url).post("/api/auth/reset-password", { newPassword: OLD_PASSWORD, token });
      expect(again.status).toBe(400);
    },
  );

  pipeline.step("email: a reset for an unknown address is answered the same, and mails nothing", async () => {
    const unknown = `nobody-${Date.now()}@example.com`;
    const known = await suite.newUser("otto");
    const replies = await Promise.all(
      [unknown, known.email].map((email) =>
        new Browser(suite.url).post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    expect(replies[0]!.json).toEqual(replies[1]!.json);
    await newestMail(known.email, "/api/auth/reset-password/");
    expect(await mailsTo(unknown)).toEqual([]);
  });
}

function firstLink(text: string): string {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? "";
}
