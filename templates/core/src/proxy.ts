import { type NextRequest, NextResponse } from "next/server";
import { corsHeaders } from "@/lib/api/cors";

/** CORS for the whole API, in one place: preflights answered here, every other response given its headers. */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/webhooks/")) return NextResponse.next();
  const origin = request.headers.get("origin");
  const preflight = request.method === "OPTIONS" && request.headers.has("access-control-request-method");
  const headers = corsHeaders(origin, preflight);
  if (preflight) return new NextResponse(null, { status: 204, headers });
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Not /api/storage/: Next.js copies the body of every request its proxy sees and cuts it off at 10 MB, and uploads
// are larger; that route applies the same CORS itself.
export const config = { matcher: "/api/((?!storage/).*)" };
