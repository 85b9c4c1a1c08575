import { resetRevokes } from "@/lib/auth/new-password";
import { escapeHtml } from "@/lib/ui/escape-html";
import type { EmailMessage } from "./types";

interface LinkMessage {
  appName: string;
  to: string;
  url: string;
}

/** The mail with the link to choose a new password (Better Auth's, which leads to the app's /reset-password page). */
export function passwordResetMessage({ appName, to, url }: LinkMessage): EmailMessage {
  return linkMessage({
    to,
    url,
    subject: `Reset your ${appName} password`,
    lines: [
      `Someone asked to reset the password of your ${appName} account.`,
      resetRevokes,
      "Choose a new password here:",
    ],
    action: "Choose a new password",
    footer:
      "The link works once, for one hour. If you did not ask for it, ignore this mail: your password stays as it is.",
  });
}

/** The mail that proves the address belongs to the account: opening its link marks the address verified. */
export function verificationMessage({ appName, to, url }: LinkMessage): EmailMessage {
  return linkMessage({
    to,
    url,
    subject: `Verify your email address for ${appName}`,
    lines: [`Welcome to ${appName}.`, "Confirm that this is your email address:"],
    action: "Verify my address",
    footer: "If you did not sign up, ignore this mail.",
  });
}

/**
 * The mail a sign-up with a taken address sends its owner instead of an error (while addresses must be verified), so
 * the sign-up answer tells nobody that the address has an account; its link leads to signing in.
 */
export function existingAccountMessage({ appName, to, url }: LinkMessage): EmailMessage {
  return linkMessage({
    to,
    url,
    subject: `You already have a ${appName} account`,
    lines: [
      `Someone tried to create a ${appName} account with this address, but you already have one.`,
      "Sign in here; if you forgot your password, that page lets you choose a new one:",
    ],
    action: "Sign in",
    footer: "If this was not you, ignore this mail: nothing about your account has changed.",
  });
}

function linkMessage(parts: {
  to: string;
  url: string;
  subject: string;
  lines: string[];
  action: string;
  footer: string;
}): EmailMessage {
  const { to, url, subject, lines, action, footer } = parts;
  const text = [...lines, "", url, "", footer, ""].join("\n");
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>`,
    `<p>${escapeHtml(footer)}</p>`,
  ].join("\n");
  return { to, subject, text, html, link: url };
}
