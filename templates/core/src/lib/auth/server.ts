import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { after } from "next/server";
import { requireEmailVerification } from "@/config/auth";
import { site } from "@/config/site";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { trustedOriginPatterns } from "@/lib/api/cors";
import { db, dialect } from "@/lib/db/client";
import { accounts, sessions, users, verifications } from "@/lib/db/schema";
import { existingAccountMessage, passwordResetMessage, verificationMessage } from "@/lib/email/messages";
import { type EmailMessage, sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { authRateLimitStorage } from "@/lib/ratelimit/auth-throttle";
import { withinMailBudget } from "@/lib/ratelimit/mail-budget";
import { authPlugins, authPluginServerOnlyPaths, authPluginTables } from "./plugins";
import { revokeOtherCredentials, revokeWithOtherSessions } from "./revoke-credentials";
import { socialProviders } from "./social-providers";

const appName = site.name;

/** The app's page a password reset link leads to, with `?token=...` (or `?error=INVALID_TOKEN`). */
const RESET_PASSWORD_PAGE = "/reset-password";

/**
 * Sends a mail Better Auth asks for after the response has gone, so the time a request takes does not tell whether
 * it mailed anyone, and within the account's budget for its kind (src/lib/ratelimit/mail-budget.ts). A failure is
 * logged, not answered: the reply to "reset my password" must not tell whether the address has an account, and a
 * sign-up stands even if its mail did not leave. Outside a request (a script, a unit test) it is sent at once.
 */
async function sendAuthEmail(kind: string, message: EmailMessage): Promise<void> {
  const send = async () => {
    try {
      if (!(await withinMailBudget(kind, message.to))) {
        console.warn(`Not sending "${message.subject}": the account's ${kind} mails for this hour are used up.`);
        return;
      }
      await sendEmail(message);
    } catch (error) {
      console.error(`Sending "${message.subject}" failed:`, error instanceof Error ? error.message : error);
    }
  };
  try {
    after(send);
  } catch {
    await send();
  }
}

/**
 * Better Auth's reset link (/api/auth/reset-password/<token>) checks the token and redirects to the page in its
 * callbackURL; it always names the app's own page, whatever redirectTo the request gave.
 */
function resetLink(url: string): string {
  const link = new URL(url);
  link.searchParams.set("callbackURL", RESET_PASSWORD_PAGE);
  return link.href;
}

export const auth = betterAuth({
  appName,
  baseURL: env.APP_URL,
  secret: env.BETTER_AUTH_SECRET,
  trustedOrigins: trustedOriginPatterns,
  database: drizzleAdapter(db, {
    provider: dialect,
    schema: { user: users, session: sessions, account: accounts, verification: verifications, ...authPluginTables },
  }),
  emailAndPassword: {
    enabled: true,
    requireEmailVerification,
    // A reset signs the account out everywhere: whoever knew the old password loses their session with it, and every
    // other credential they could have made with it (a change does the same when it signs out everywhere else).
    revokeSessionsOnPasswordReset: true,
    onPasswordReset: ({ user }) => revokeOtherCredentials(user.id),
    // Sign-up of a taken address answers as for a new one while addresses must be verified; its owner gets a mail.
    onExistingUserSignUp: ({ user }) =>
      sendAuthEmail(
        "existing-account",
        existingAccountMessage({ appName, to: user.email, url: `${env.APP_URL}/sign-in` }),
      ),
    sendResetPassword: ({ user, url }) =>
      sendAuthEmail("reset", passwordResetMessage({ appName, to: user.email, url: resetLink(url) })),
  },
  emailVerification: {
    sendOnSignUp: true,
    // Opening the link signs the account in, which matters when requireEmailVerification kept sign-up from doing so.
    autoSignInAfterVerification: true,
    sendVerificationEmail: ({ user, url }) =>
      sendAuthEmail("verification", verificationMessage({ appName, to: user.email, url })),
  },
  socialProviders,
  user: {
    additionalFields: {
      // Set by billing, never by the user: `input: false` keeps it out of sign-up and profile updates.
      plan: { type: "string", required: true, defaultValue: "free", input: false },
    },
  },
  plugins: authPlugins,
  hooks: { after: revokeWithOtherSessions },
  // Endpoints only the app's own code calls (through auth.api): over HTTP, Better Auth answers them 404. The session
  // list would hand every session's token to the page; the app lists sessions itself, by id (src/lib/auth/sessions.ts).
  disabledPaths: ["/list-sessions", ...authPluginServerOnlyPaths],
  // The auth route puts the client address it trusts (see TRUSTED_PROXY_HOPS) in this header, replacing any sent.
  advanced: {
    ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    // A session is read with its user (and so the plan) in one query, through the relations in schema/auth.ts.
    database: { joins: true },
  },
  // The sign-in and sign-up throttle counts in the app's rate-limit store, shared by every instance on Redis.
  rateLimit: { customStorage: authRateLimitStorage },
  // Unexpected errors (a database outage) reach the auth route, which answers them in the error shape.
  onAPIError: { throw: true },
});
