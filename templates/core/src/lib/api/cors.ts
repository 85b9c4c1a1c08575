import { env } from "@/lib/env";

/** The app's own origin and those listed in CORS_ORIGINS: the browsers allowed to call the API. */
const configuredOrigins = [
  new URL(env.APP_URL).origin,
  ...(env.CORS_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean),
];

const development = process.env.NODE_ENV === "development";
const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

/** The same origins in Better Auth's pattern syntax, so that a page on any of them can also sign in. */
export const trustedOriginPatterns = [
  ...configuredOrigins,
  ...(development ? ["http://localhost:*", "http://127.0.0.1:*"] : []),
];

/** Response headers a browser script on another origin may read: without this it sees none of them. */
const EXPOSED_HEADERS = [
  "X-Chat-Id",
  "X-Next-Cursor",
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Reset",
  "X-RateLimit-Warning",
  "Retry-After",
].join(", ");

function isAllowedOrigin(origin: string): boolean {
  return configuredOrigins.includes(origin) || (development && LOCALHOST.test(origin));
}

/** The CORS headers for a request from `origin`: none at all for an origin that is not allowed. */
export function corsHeaders(origin: string | null, preflight: boolean): Record<string, string> {
  if (!origin || !isAllowedOrigin(origin)) return { Vary: "Origin" };
  const allowed = { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true", Vary: "Origin" };
  if (!preflight) return { ...allowed, "Access-Control-Expose-Headers": EXPOSED_HEADERS };
  return {
    ...allowed,
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Authorization, X-API-Key",
    "Access-Control-Max-Age": "600",
  };
}
