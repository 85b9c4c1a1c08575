import { env } from "@/lib/env";

/** What an error Better Auth sends without a code or a message (its rate limiter's 429, an unknown path) is called. */
const BY_STATUS: Record<number, { code: string; message: string }> = {
  400: { code: "INVALID_REQUEST", message: "The request is invalid." },
  401: { code: "UNAUTHORIZED", message: "Sign in to do this." },
  403: { code: "FORBIDDEN", message: "This request is not allowed." },
  404: { code: "NOT_FOUND", message: "There is no such auth endpoint." },
  405: { code: "METHOD_NOT_ALLOWED", message: "This method is not supported here." },
  429: { code: "RATE_LIMITED", message: "Too many attempts; try again in a minute." },
};
const UNEXPECTED = { code: "INTERNAL_ERROR", message: "Something went wrong on our side." };

/**
 * A Better Auth error response in the API's error shape, `{ error, code, details }`. What Better Auth sent stays in the
 * body too (its browser client reads `message`, which carries the same text as `error`), and so do its headers. A
 * refused origin is explained: the message names APP_URL, which decides the origins Better Auth trusts. A throttled
 * request gets `Retry-After`. Successes and redirects pass through untouched.
 */
export async function inErrorShape(request: Request, response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const sent = await readObject(response);
  const fallback = BY_STATUS[response.status] ?? UNEXPECTED;
  const code = typeof sent.code === "string" ? sent.code : fallback.code;
  const origin = request.headers.get("origin");
  const sentMessage = typeof sent.message === "string" && sent.message ? sent.message : undefined;
  const message = originProblem(code, origin) ?? sentMessage ?? fallback.message;
  const details = isObject(sent.details) ? sent.details : origin && ORIGIN_CODES.has(code) ? { origin } : {};
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  // Better Auth's throttle says when to retry in X-Retry-After; HTTP clients read Retry-After.
  const retryAfter = headers.get("x-retry-after");
  if (retryAfter && !headers.has("retry-after")) headers.set("retry-after", retryAfter);
  const shaped = { error: message, code, details };
  // The shape's fields first, then whatever else Better Auth sent, with the shape's values winning.
  return new Response(JSON.stringify({ ...shaped, ...sent, ...shaped, message }), { status: response.status, headers });
}

const ORIGIN_CODES = new Set(["INVALID_ORIGIN", "MISSING_OR_NULL_ORIGIN"]);

/** What to do about an origin Better Auth refused; undefined for any other error. */
function originProblem(code: string, origin: string | null): string | undefined {
  const appOrigin = new URL(env.APP_URL).origin;
  if (code === "INVALID_ORIGIN") {
    return (
      `${origin ?? "This page's origin"} is not an origin this app trusts: it accepts sign-ins from APP_URL ` +
      `(${appOrigin}) and the origins in CORS_ORIGINS. If the app is served at ${origin ?? "another address"}, set ` +
      `APP_URL to that address and restart the server.`
    );
  }
  if (code === "MISSING_OR_NULL_ORIGIN") {
    return (
      `A request to /api/auth that carries a session cookie must send the Origin of a page on APP_URL ` +
      `(${appOrigin}) or CORS_ORIGINS; from a script, send the header Origin: ${appOrigin}.`
    );
  }
  return undefined;
}

async function readObject(response: Response): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(await response.text());
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
