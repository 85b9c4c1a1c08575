import { env } from "@/lib/env";

/** The host names of this machine's own loopback interface, as a URL spells them. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/** Every loopback origin as Better Auth's trusted-origin patterns, with and without a port (`*` is any port). */
const LOOPBACK_PATTERNS = ["http", "https"].flatMap((scheme) =>
  LOOPBACK_HOSTS.flatMap((host) => [`${scheme}://${host}`, `${scheme}://${host}:*`]),
);

/** Whether a URL or origin points at this machine: `localhost`, `127.0.0.1` or `[::1]`, on any port. */
export function isLoopback(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && LOOPBACK_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
}

interface OriginSettings {
  appUrl: string;
  corsOrigins: string | undefined;
  development: boolean;
}

/**
 * The browser origins allowed to call the API with credentials and to sign in: the app's own URL and those listed in
 * CORS_ORIGINS; and, while the app runs on this machine (in development, or while APP_URL is a loopback address),
 * every loopback origin on any port, so that `localhost` and `127.0.0.1` or another port reach the same app. An
 * app on a real domain trusts exactly what APP_URL and CORS_ORIGINS name.
 */
export function originPolicy({ appUrl, corsOrigins, development }: OriginSettings) {
  const configured = [
    new URL(appUrl).origin,
    ...(corsOrigins ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  ];
  const trustsLoopback = development || isLoopback(appUrl);
  return {
    allows: (origin: string) =>
      configured.includes(origin) || (trustsLoopback && isLoopback(origin) && new URL(origin).origin === origin),
    /** The same origins in Better Auth's pattern syntax. */
    betterAuthPatterns: [...configured, ...(trustsLoopback ? LOOPBACK_PATTERNS : [])],
  };
}

const origins = originPolicy({
  appUrl: env.APP_URL,
  corsOrigins: env.CORS_ORIGINS,
  development: process.env.NODE_ENV === "development",
});

/** Whether a browser page on `origin` may call the API with the user's cookies (CORS, and state-changing requests). */
export const allowsOrigin = origins.allows;

/** The origins Better Auth trusts, so that a page on any origin the API allows can also sign in. */
export const trustedOriginPatterns = origins.betterAuthPatterns;

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

/** The CORS headers for a request from `origin`: none at all for an origin that is not allowed. */
export function corsHeaders(origin: string | null, preflight: boolean): Record<string, string> {
  if (!origin || !origins.allows(origin)) return { Vary: "Origin" };
  const allowed = { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true", Vary: "Origin" };
  if (!preflight) return { ...allowed, "Access-Control-Expose-Headers": EXPOSED_HEADERS };
  return {
    ...allowed,
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Authorization, X-API-Key",
    "Access-Control-Max-Age": "600",
  };
}
