import { type NextRequest, NextResponse } from "next/server";
import { allowsOrigin, corsHeaders } from "@/lib/api/cors";
import { isForgeryRisk } from "@/lib/api/cross-site";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { PAGE_PATH_HEADER } from "@/lib/auth/page-path";
import { env } from "@/lib/env";
import { connectSources } from "@/lib/security/connect-sources";
import { API_HEADERS, securityHeaders, strictTransportSecurity } from "@/lib/security/headers";

/** Headers for every response this proxy sees (next.config.ts gives the same, less HSTS, to those it does not). */
const everyResponseHeaders = {
  ...securityHeaders(process.env.NODE_ENV === "development", connectSources()),
  ...strictTransportSecurity(env.APP_URL),
};

/**
 * The API's front door, in one place: cross-site forgeries on cookie auth are refused in the error shape, preflights
 * answered; every response gets the security headers, and API responses CORS and no-store. Better Auth checks the
 * origin of its own routes, and webhooks come from providers' servers, so neither gets the forgery check.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const onApi = pathname === "/api" || pathname.startsWith("/api/");
  if (!onApi) return withHeaders(pageResponse(request), everyResponseHeaders);
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

/** A page goes on with its path in a request header (replacing any sent), for sign-in to return to it. */
function pageResponse(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(PAGE_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

function withHeaders<T extends Response>(response: T, ...sets: Record<string, string>[]): T {
  for (const [name, value] of sets.flatMap(Object.entries)) response.headers.set(name, value);
  return response;
}

// Not /api/storage/: Next.js copies the body of every request its proxy sees and cuts it off at 10 MB, and uploads
// are larger; that route applies the same CORS itself. Not Next.js's static files, which next.config.ts covers.
export const config = { matcher: "/((?!api/storage/|_next/static/|_next/image).*)" };
