import { type NextRequest, NextResponse } from "next/server";
import { allowsOrigin, corsHeaders } from "@/lib/api/cors";
import { isForgeryRisk } from "@/lib/api/cross-site";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { PAGE_PATH_HEADER } from "@/lib/auth/page-path";
import { env } from "@/lib/env";
import { pageViewsExceeded } from "@/lib/ratelimit/page-views";
import { slowDownResponse } from "@/lib/ratelimit/slow-down-page";
import { connectSources } from "@/lib/security/connect-sources";
import {
  API_HEADERS,
  BASE_SECURITY_HEADERS,
  contentSecurityPolicy,
  newNonce,
  strictTransportSecurity,
} from "@/lib/security/headers";

/** Headers for every response this proxy sees (next.config.ts gives the same, less HSTS, to those it does not). */
const everyResponseHeaders = { ...BASE_SECURITY_HEADERS, ...strictTransportSecurity(env.APP_URL) };
const development = process.env.NODE_ENV === "development";
const pageConnectSources = connectSources();

/**
 * The API's front door, in one place: cross-site forgeries on cookie auth are refused in the error shape, preflights
 * answered; every response gets the security headers, and API responses CORS and no-store. Better Auth checks the
 * origin of its own routes, and webhooks come from providers' servers, so neither gets the forgery check.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const onApi = pathname === "/api" || pathname.startsWith("/api/");
  if (!onApi) return pageResponse(request);
  if (pathname.startsWith("/api/webhooks/")) return withHeaders(NextResponse.next(), everyResponseHeaders, API_HEADERS);
  const origin = request.headers.get("origin");
  const preflight = request.method === "OPTIONS" && request.headers.has("access-control-request-method");
  const headers = { ...everyResponseHeaders, ...API_HEADERS, ...corsHeaders(origin, preflight) };
  if (preflight) return new NextResponse(null, { status: 204, headers });
  if (!pathname.startsWith("/api/auth/") && isForgeryRisk(request, allowsOrigin)) {
    const message = "A request signed in by cookie must come from an origin this app allows.";
    const forbidden = new ApiError("FORBIDDEN", message);
    return withHeaders(errorResponse(forbidden), headers);
  }
  return withHeaders(NextResponse.next(), headers);
}

/**
 * A page goes on with its path in a request header (replacing any sent), for sign-in to return to it, and with its
 * Content-Security-Policy around a fresh nonce: on the request, where Next.js reads the nonce to put on the scripts
 * it renders, and on the response, where the browser enforces it. A signed-in browser over its page budget gets the
 * 429 page instead (src/lib/ratelimit/page-views.ts).
 */
async function pageResponse(request: NextRequest): Promise<Response> {
  const policy = contentSecurityPolicy(newNonce(), development, pageConnectSources);
  const retryAfter = await pageViewsExceeded(request);
  if (retryAfter !== undefined) {
    return withHeaders(slowDownResponse(retryAfter), everyResponseHeaders, { "Content-Security-Policy": policy });
  }
  const headers = new Headers(request.headers);
  headers.set(PAGE_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  return withHeaders(response, everyResponseHeaders, { "Content-Security-Policy": policy });
}

function withHeaders<T extends Response>(response: T, ...sets: Record<string, string>[]): T {
  for (const [name, value] of sets.flatMap(Object.entries)) response.headers.set(name, value);
  return response;
}

// Not /api/storage/: Next.js copies the body of every request its proxy sees and cuts it off at 10 MB, and uploads
// are larger; that route applies the same CORS itself. Not Next.js's static files, which next.config.ts covers.
export const config = { matcher: "/((?!api/storage/|_next/static/|_next/image).*)" };
