import { auth } from "@/lib/auth/server";
import { ApiError } from "./errors";

/** Who is calling: the signed-in user a request's credentials belong to. */
export interface Caller {
  userId: string;
  email: string;
  plan: string;
}

/** Resolves the caller from the request's session cookie; no valid credentials is a 401. */
export async function authenticate(request: Request): Promise<Caller> {
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) throw new ApiError("UNAUTHORIZED", "Sign in to use this endpoint.");
  return { userId: session.user.id, email: session.user.email, plan: session.user.plan };
}
