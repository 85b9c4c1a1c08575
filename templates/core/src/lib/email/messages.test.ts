import { describe, expect, it } from "vitest";
import { revokedWithPassword } from "@/lib/auth/revoked-with-password";
import { passwordResetMessage, verificationMessage } from "./messages";

describe("the auth mails", () => {
  const url = "http://localhost:3000/api/auth/reset-password/tok?callbackURL=%2Freset-password&x=1";

  it.each([
    ["password reset", passwordResetMessage, "Reset your <Shop> password"],
    ["verification", verificationMessage, "Verify your email address for <Shop>"],
  ] as const)("%s: carries the link in the text and in escaped HTML", (_name, message, subject) => {
    const mail = message({ appName: "<Shop>", to: "ada@example.com", url });
    expect(mail).toMatchObject({ to: "ada@example.com", subject, link: url });
    expect(mail.text).toContain(`\n${url}\n`);
    expect(mail.html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    expect(mail.html).toContain("&lt;Shop&gt;");
    expect(mail.html).not.toContain("<Shop>");
  });

  it("says what the new password revokes: every session, and every other credential the app issues", () => {
    const mail = passwordResetMessage({ appName: "Shop", to: "ada@example.com", url });
    expect(mail.text).toContain("signs you out on every device");
    for (const credential of revokedWithPassword) expect(mail.text).toContain(`revokes your ${credential}`);
  });
});
