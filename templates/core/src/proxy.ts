import { type NextRequest, NextResponse } from "next/server";
import { PAGE_PATH_HEADER } from "@/lib/auth/page-path";
import { env } from "@/lib/env";
import { pageViewsExceeded } from "@/lib/ratelimit/page-views";
import { slowDownResponse } from "@/lib/ratelimit/slow-down-page";
import { connectSources } from "@/lib/security/connect-sources";
import {
  BASE_SECURITY_HEADERS,
  contentSecurityPolicy,
  newNonce,
  strictTransportSecurity,
} from "@/lib/security/headers";

/** Headers for every page (next.config.ts gives the same, less HSTS, to what this proxy does not see). */
const everyResponseHeaders = { ...BASE_SECURITY_HEADERS, ...strictTransportSecurity(env.APP_URL) };
const development = process.env.NODE_ENV === "development";
const pageConnectSources = connectSources();

/**
 * A page goes on with its path in a request header (replacing any sent), for sign-in to return to it, and with its
 * Content-Security-Policy around a fresh nonce: on the request, where Next.js reads the nonce to put on the scripts
 * it renders, and on the response, where the browser enforces it. A signed-in browser over its page budget gets the
 * 429 page instead (src/lib/ratelimit/page-views.ts).
 */
export async function proxy(request: NextRequest): Promise<Response> {
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

// Pages only. Not the API: its front door (src/lib/api/front-door.ts) is part of each route, because a proxy costs
// Next.js a second pass over every request, and Next.js copies the body of every request its proxy sees and cuts it
// off at 10 MB, which uploads outgrow. Not Next.js's static files, which next.config.ts covers.
export const config = { matcher: "/((?!api/|api$|_next/static/|_next/image).*)" };
