import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookies } from "better-auth/cookies";
import { eq, sql } from "drizzle-orm";
import type { Caller, Credential } from "@/lib/api/caller";
import { db, prepared } from "@/lib/db/client";
import { assertDatabaseReachable } from "@/lib/db/reachable";
import { sessions, users } from "@/lib/db/schema";
import { auth } from "./server";

/**
 * The session cookie Better Auth sets when a user signs in, checked in one read: the cookie's signature here, then
 * the session joined to its user (and so the plan) by its token, indexed. Nothing is cached, so a revoked session or
 * a changed plan takes effect on the next request. A session due for Better Auth's daily refresh goes through Better
 * Auth's own lookup, which extends it. A lookup failed by a database outage is a 503.
 */
export const sessionCredential: Credential = {
  hint: "sign in",
  async authenticate(request) {
    const settings = await sessionSettings();
    const token = signedToken(request.headers.get("cookie"), settings);
    if (!token) return undefined;
    const [found] = await sessionByToken().execute({ token });
    const now = Date.now();
    if (!found || found.expiresAt.getTime() <= now) return undefined;
    if (found.expiresAt.getTime() - settings.expiresInMs + settings.updateAgeMs <= now) return refreshedCaller(request);
    const { sessionId, userId, email, plan } = found;
    return { userId, email, plan, sessionId };
  },
};

const sessionByToken = prepared("session_by_token", () =>
  db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      plan: users.plan,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder("token"))),
);

/** What checking a session cookie takes from Better Auth's configuration, read once. */
interface SessionSettings {
  cookieName: string;
  secret: string;
  expiresInMs: number;
  updateAgeMs: number;
}

let settings: Promise<SessionSettings> | undefined;

function sessionSettings(): Promise<SessionSettings> {
  settings ??= auth.$context.then((context) => ({
    cookieName: context.authCookies.sessionToken.name,
    secret: context.secret,
    expiresInMs: context.sessionConfig.expiresIn * 1000,
    updateAgeMs: context.sessionConfig.updateAge * 1000,
  }));
  return settings;
}

/**
 * The session token in the cookie header, when its signature is Better Auth's (`<token>.<base64 HMAC-SHA256 of the
 * token under the auth secret>`); null when absent or forged.
 */
function signedToken(cookieHeader: string | null, { cookieName, secret }: SessionSettings): string | null {
  const value = cookieHeader ? parseCookies(cookieHeader).get(cookieName) : undefined;
  const dot = value?.lastIndexOf(".") ?? -1;
  if (!value || dot < 1) return null;
  const token = value.slice(0, dot);
  const presented = Buffer.from(value.slice(dot + 1), "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return presented.length === expected.length && timingSafeEqual(presented, expected) ? token : null;
}

/** The caller of a session due for refresh, through Better Auth's lookup, which extends it as it reads it. */
async function refreshedCaller(request: Request): Promise<Caller | undefined> {
  const session = await auth.api.getSession({ headers: request.headers }).catch(async (error: unknown) => {
    // Better Auth replaces the driver's error with its own "Failed to get session".
    await assertDatabaseReachable();
    throw error;
  });
  return session ? callerOf(session) : undefined;
}

/** The caller a Better Auth session is: its user, their plan, and the session. */
export function callerOf(session: {
  user: { id: string; email: string; plan: string };
  session: { id: string };
}): Caller {
  return { userId: session.user.id, email: session.user.email, plan: session.user.plan, sessionId: session.session.id };
}
