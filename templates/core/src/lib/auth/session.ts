import type { Credential } from "@/lib/api/caller";
import { auth } from "./server";

/** The session cookie Better Auth sets when a user signs in. */
export const sessionCredential: Credential = {
  hint: "sign in",
  async authenticate(request) {
    const session = await auth.api.getSession({ headers: request.headers });
    if (!session) return undefined;
    return { userId: session.user.id, email: session.user.email, plan: session.user.plan };
  },
};
