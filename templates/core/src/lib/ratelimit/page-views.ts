import { createHash } from "node:crypto";
import { getSessionCookie } from "better-auth/cookies";
import { counter } from "./counter";
import { RateLimitStoreUnavailable } from "./store";

/** Pages a signed-in session may open a minute: far more than a person clicks, far fewer than a script asks for. */
export const PAGE_VIEWS_PER_MINUTE = 120;
const WINDOW_MS = 60_000;

/**
 * Counts a page view of a signed-in browser against its session's budget (a signed-in page renders the user's data,
 * which costs the server; a public one is cheap, and sign-in has its own throttle). Undefined while within the budget,
 * else the seconds until it frees up. Files (a name with a dot: the icon) are not views; the router's navigations and
 * prefetches are (Next.js hides which is which from the proxy), so long lists of links are not prefetched. The session
 * is keyed by a hash of its cookie, so no token is kept in the store; an unreachable store counts nothing (the API's
 * own limits still hold).
 */
export async function pageViewsExceeded(request: Request): Promise<number | undefined> {
  const session = getSessionCookie(request);
  if (!session) return undefined;
  if (new URL(request.url).pathname.split("/").at(-1)!.includes(".")) return undefined;
  const key = `pages:${createHash("sha256").update(session).digest("base64url")}`;
  try {
    const window = await counter.hit(key, WINDOW_MS);
    if (window.count <= PAGE_VIEWS_PER_MINUTE) return undefined;
    return Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000));
  } catch (error) {
    if (error instanceof RateLimitStoreUnavailable) return undefined;
    throw error;
  }
}
