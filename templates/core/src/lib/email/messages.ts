import { resetRevokes } from "@/lib/auth/new-password";
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

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
