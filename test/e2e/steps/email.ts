import { expect } from "vitest";
import { appNameOf } from "../combinations.js";
import { Browser } from "../support/http.js";
import { mailsTo as mailsToSuite, newestMail as newestMailOf } from "../support/mail.js";
import type { Suite } from "../support/suite.js";

const OLD_PASSWORD = "a long enough password";
const NEW_PASSWORD = "a brand new long password";

/**
 * Email as a user meets it: sign-up sends the verification mail, whose link verifies the address; a forgotten
 * password is replaced through the mailed link (Better Auth's link redirects to the app's /reset-password page with
 * the token), after which only the new password signs in; an unknown address is answered the same and mailed
 * nothing. Mail is read where the app's provider puts it: the fake Resend or SMTP server, else data/mail.
 */
export function emailSteps(suite: Suite): void {
  const { pipeline } = suite;

  const mailsTo = (to: string) => mailsToSuite(suite, to);
  const newestMail = (to: string, linkPart: string) => newestMailOf(suite, to, linkPart);

  /** Follows a mailed link on this app without following its redirect. */
  const follow = (link: string) => {
    const url = new URL(link);
    expect(url.origin).toBe(new URL(suite.url).origin);
    return new Browser(suite.url).get(`${url.pathname}${url.search}`);
  };

  pipeline.step("email: sign-up sends the verification mail, and its link verifies the address", async () => {
    const email = `vera-${Date.now()}@example.com`;
    const browser = new Browser(suite.url);
    expect((await browser.signUp(email)).status).toBe(200);
    const mail = await newestMail(email, "/api/auth/verify-email");
    expect(mail.subject).toMatch(/verify/i);
    expect(mail.subject).toContain(appNameOf(suite.combination, suite.appDir));
    expect(mail.text).toContain(mail.link);
    const before = await browser.get("/api/auth/get-session");
    if (suite.verifiesEmail) {
      // Real mail goes out, so the address must be proven first: no session, and sign-in waits for the link.
      expect(before.json).toBeNull();
      const early = await browser.signIn(email);
      expect([early.status, early.json.code], early.text).toEqual([403, "EMAIL_NOT_VERIFIED"]);
    } else {
      expect(before.json.user.emailVerified).toBe(false);
    }
    const link = new URL(mail.link);
    expect(link.origin).toBe(new URL(suite.url).origin);
    const verified = await browser.get(`${link.pathname}${link.search}`);
    expect(verified.status, verified.text).toBe(302);
    const after = await browser.get("/api/auth/get-session");
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
      expect(mail.text).toContain("A new password signs you out on every device");
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
