import { env } from "@/lib/env";
import { strictTransportSecurity } from "@/lib/security/headers";
import { allowsOrigin, corsHeaders } from "./cors";
import { isForgeryRisk } from "./cross-site";
import { ApiError, errorResponse } from "./errors";

/** A route's handler as Next.js calls it: the request, then what Next.js passes with it (the route's params). */
type Handler<Rest extends unknown[]> = (request: Request, ...rest: Rest) => Promise<Response>;

export interface FrontDoorOptions {
  /**
   * Whether a request signed in by cookie from an origin the API does not allow is refused (403): unless the route
   * checks origins itself (Better Auth), or cookies give no access to it (webhooks, signed storage URLs).
   */
  refuseForgeries?: boolean;
  /** Whether pages on the allowed origins may call it from the browser (CORS); webhooks come from servers: no. */
  cors?: boolean;
}

const hsts = strictTransportSecurity(env.APP_URL);

/**
 * The API's front door, around every route under /api (src/proxy.ts sees pages only: a proxy costs Next.js a second
 * pass over each request). It answers CORS preflights, refuses cross-site forgeries on cookie auth in the error
 * shape, and gives every response CORS and HSTS; next.config.ts gives the rest of the API's headers (no-store, its
 * Content-Security-Policy and the security headers), which it can compute before the server starts.
 */
export function frontDoor<Rest extends unknown[]>(
  handler: Handler<Rest>,
  { refuseForgeries = true, cors = true }: FrontDoorOptions = {},
): Handler<Rest> {
  return async (request, ...rest) => {
    const preflight = cors && request.method === "OPTIONS" && request.headers.has("access-control-request-method");
    const headers = { ...hsts, ...(cors ? corsHeaders(request.headers.get("origin"), preflight) : {}) };
    if (preflight) return new Response(null, { status: 204, headers });
    if (refuseForgeries && isForgeryRisk(request, allowsOrigin)) {
      const message = "A request signed in by cookie must come from an origin this app allows.";
      return withHeaders(errorResponse(new ApiError("FORBIDDEN", message)), headers);
    }
    return withHeaders(await handler(request, ...rest), headers);
  };
}

/** Sets headers on a response; one whose headers are immutable (from `fetch`, `Response.redirect`) is copied first. */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
