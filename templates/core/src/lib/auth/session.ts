import type { Caller, Credential } from "@/lib/api/caller";
import { assertDatabaseReachable } from "@/lib/db/reachable";
import { auth } from "./server";

/** The session cookie Better Auth sets when a user signs in. A lookup failed by a database outage is a 503. */
export const sessionCredential: Credential = {
  hint: "sign in",
  async authenticate(request) {
    const session = await auth.api.getSession({ headers: request.headers }).catch(async (error: unknown) => {
      await assertDatabaseReachable();
      throw error;
    });
    return session ? callerOf(session) : undefined;
  },
};

/** The caller a Better Auth session is: its user, their plan, and the session. */
export function callerOf(session: {
  user: { id: string; email: string; plan: string };
  session: { id: string };
}): Caller {
  return { userId: session.user.id, email: session.user.email, plan: session.user.plan, sessionId: session.session.id };
}
