import { env } from "@/lib/env";

/** The app's own origin and those listed in CORS_ORIGINS: the browsers allowed to call the API. */
export const configuredOrigins = [
  new URL(env.APP_URL).origin,
  ...(env.CORS_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean),
];

const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

export function isAllowedOrigin(origin: string): boolean {
  return configuredOrigins.includes(origin) || (process.env.NODE_ENV === "development" && LOCALHOST.test(origin));
}

/** The CORS headers for a request from `origin`: none at all for an origin that is not allowed. */
export function corsHeaders(origin: string | null, preflight: boolean): Record<string, string> {
  if (!origin || !isAllowedOrigin(origin)) return { Vary: "Origin" };
  const headers: Record<string, string> = {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    Vary: "Origin",
  };
  if (preflight) {
    headers["Access-Control-Allow-Methods"] = "GET, POST, PATCH, DELETE, OPTIONS";
    headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization, X-API-Key";
    headers["Access-Control-Max-Age"] = "600";
  }
  return headers;
}
