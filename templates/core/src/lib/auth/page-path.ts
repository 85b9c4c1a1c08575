/** The header src/proxy.ts puts a page request's path and query in, so a server layout can send the user back. */
export const PAGE_PATH_HEADER = "x-page-path";

/** A `next` parameter that is safe to send the user to: a path on this site, never another origin. */
export function localPath(next: string | null | undefined, fallback = "/chat"): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
