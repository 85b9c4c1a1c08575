import type { IncomingMessage, ServerResponse } from "node:http";
import { AUTH_BODY_LIMIT } from "@/lib/auth/auth-request";
import { JSON_BODY_LIMIT } from "./body";

/**
 * The largest body a path's route reads, when the server may refuse a larger declared one up front: Better Auth's
 * routes their own small limit, every other API route at most the JSON limit (a route may accept less and answers
 * that itself). Undefined outside the API and for /api/storage/, whose uploads have their own, larger limits.
 */
export function bodyLimitFor(pathname: string): number | undefined {
  if (!pathname.startsWith("/api/") || pathname.startsWith("/api/storage/")) return undefined;
  return pathname.startsWith("/api/auth/") ? AUTH_BODY_LIMIT : JSON_BODY_LIMIT;
}

/**
 * Answers 413 in the error shape, before any of the body is read, to a request whose declared `Content-Length` is
 * over what its route reads, and says whether it did. A route would otherwise wait for a body it is going to refuse:
 * a client declaring 64 MiB and sending 15 bytes would hold the request open until it gives up. The connection is
 * closed after the answer, so the rest of the body is not waited for either.
 */
export function refuseDeclaredOversize(request: IncomingMessage, response: ServerResponse): boolean {
  const declared = Number(request.headers["content-length"] ?? 0);
  const limit = bodyLimitFor(new URL(request.url ?? "/", "http://localhost").pathname);
  if (limit === undefined || !(declared > limit)) return false;
  const body = JSON.stringify({
    error: `The request body is larger than ${limit} bytes.`,
    code: "PAYLOAD_TOO_LARGE",
    details: { limit },
  });
  response.writeHead(413, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    connection: "close",
  });
  response.end(body, () => request.socket.destroy());
  return true;
}
