import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { PAGE_PATH_HEADER } from "./page-path";
import { auth } from "./server";
import { callerOf } from "./session";

/**
 * The session of a page request, with its user. A visitor without a valid session goes to sign-in, which returns them
 * to the page they asked for. Layouts and the page ask for it alike: one session lookup per request.
 */
export const requireSession = cache(async () => {
  const requestHeaders = await headers();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (session) return session;
  const back = requestHeaders.get(PAGE_PATH_HEADER);
  redirect(back ? `/sign-in?next=${encodeURIComponent(back)}` : "/sign-in");
});

/** The signed-in user of a page request as the app's services take a caller (see requireSession). */
export async function requireCaller() {
  return callerOf(await requireSession());
}

/** The signed-in user of a page request (see requireSession). */
export async function requireUser() {
  return (await requireSession()).user;
}
