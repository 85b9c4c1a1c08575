/** The header src/proxy.ts puts a page request's path and query in, so a server layout can send the user back. */
export const PAGE_PATH_HEADER = "x-page-path";

/** A stand-in origin: a `next` that resolves against it to another origin was not a path on this site. */
const THIS_SITE = "http://this-site.invalid";

/**
 * A `next` parameter that is safe to send the user to: a path on this site, never another origin. The check is the
 * browser's own reading of the address (the URL parser, after which `/\t/evil.example` is `//evil.example`, another
 * host), and control characters and backslashes are refused outright, as browsers drop or rewrite them.
 */
export function localPath(next: string | null | undefined, fallback = "/chat"): string {
  if (!next || !next.startsWith("/") || [...next].some(isUnsafeCharacter)) return fallback;
  let url: URL;
  try {
    url = new URL(next, THIS_SITE);
  } catch {
    return fallback;
  }
  return url.origin === THIS_SITE ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

function isUnsafeCharacter(character: string): boolean {
  const code = character.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || character === "\\";
}
