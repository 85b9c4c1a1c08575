/**
 * The Content-Security-Policy the pages run under. Next.js inlines the scripts that hydrate a page (and the React
 * UI to come sets inline styles), and the pages are prerendered, so a per-request nonce cannot reach them: scripts
 * and styles may come from this origin or be inline, and nothing else may load, frame the app or receive its forms.
 * Pages may send requests to this origin and to `connectSources` (where a feature's browser uploads go, say).
 * In development React's debugging needs `eval`.
 */
export function contentSecurityPolicy(development: boolean, connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectSources].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers every response carries, pages, files and API alike: no sniffing, no framing, no full URL sent elsewhere. */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** What a page's response carries: those, and the Content-Security-Policy it runs under. */
export function securityHeaders(development: boolean, connectSources: readonly string[] = []): Record<string, string> {
  return { ...BASE_SECURITY_HEADERS, "Content-Security-Policy": contentSecurityPolicy(development, connectSources) };
}

/**
 * What API responses carry on top: no browser or shared cache may keep one (they are per caller and often private),
 * and one opened as a page (a JSON error, a stored file's download) may run and load nothing, sandboxed.
 */
export const API_HEADERS: Record<string, string> = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
};

/**
 * HSTS for an app whose APP_URL is https: browsers then refuse plain http to this host for two years. Nothing for an
 * http APP_URL (a local or development server), which HSTS would lock out.
 */
export function strictTransportSecurity(appUrl: string): Record<string, string> {
  return new URL(appUrl).protocol === "https:"
    ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }
    : {};
}
