import { recordFailure, refuseWhileBlocked, SIGN_IN_FAILURES_PER_ACCOUNT } from "./failures";

/**
 * The account a password sign-in is for, when the request is one: the email, lower-cased. Undefined for every
 * other auth request.
 */
export function signInAccount(request: Request, fields: Record<string, unknown>): string | undefined {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/sign-in/email")) return undefined;
  return typeof fields.email === "string" ? fields.email.trim().toLowerCase() : undefined;
}

/**
 * Runs a password sign-in under the per-account limit on failures: refused with 429 once the account has used
 * them up (whichever addresses the guesses came from), and a 401 counts one.
 */
export async function throttledSignIn(account: string, signIn: () => Promise<Response>): Promise<Response> {
  await refuseWhileBlocked(SIGN_IN_FAILURES_PER_ACCOUNT, account);
  const response = await signIn();
  if (response.status === 401) await recordFailure(SIGN_IN_FAILURES_PER_ACCOUNT, account);
  return response;
}
