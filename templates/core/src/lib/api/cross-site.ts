/** Methods that change state; a cross-site page must not be able to make a signed-in browser send them. */
const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** `Sec-Fetch-Site` values of a request a page of this very origin made, or the user made (typed URL, bookmark). */
const SAME_ORIGIN_FETCH_SITES = new Set(["same-origin", "none"]);

/**
 * Whether a request is a cross-site request forgery risk to refuse: a state-changing request that carries cookies
 * (the browser attaches the session cookie on its own) from an origin the API does not allow. Without an `Origin`,
 * `Sec-Fetch-Site` decides: a browser sends it on every request, so `same-origin` or `none` passes and any other value
 * is refused; a request with neither header comes from no browser (curl, a server), which cannot be made to send
 * a user's cookie, so it passes. A request without cookies (an API key, or nothing) is never at risk.
 */
export function isForgeryRisk(request: Request, allowsOrigin: (origin: string) => boolean): boolean {
  if (!STATE_CHANGING_METHODS.has(request.method) || !request.headers.has("cookie")) return false;
  const origin = request.headers.get("origin");
  if (origin !== null) return !allowsOrigin(origin);
  const fetchSite = request.headers.get("sec-fetch-site");
  return fetchSite !== null && !SAME_ORIGIN_FETCH_SITES.has(fetchSite);
}
