/**
 * The Content-Security-Policy a page runs under. Scripts run only with this response's `nonce` (src/proxy.ts makes a
 * fresh one per request, and Next.js puts it on every script it renders, so every page renders per request), plus
 * those such scripts load ('strict-dynamic': Next.js's chunks); an injected inline script or handler runs nowhere.
 * Styles may be inline (React sets style attributes). Nothing loads from, frames the app or receives its forms
 * anywhere else; pages may send requests to this origin and to `connectSources` (where a feature's browser uploads
 * go, say). In development React's debugging needs `eval`.
 */
export function contentSecurityPolicy(
  nonce: string,
  development: boolean,
  connectSources: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
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

/** A fresh nonce for one page's scripts: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The headers every response carries, pages, files and API alike: no sniffing, no framing, no full URL sent elsewhere. */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

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
