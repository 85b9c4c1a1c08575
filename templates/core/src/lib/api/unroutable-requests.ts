import type { IncomingMessage, ServerResponse } from "node:http";
import { API_HEADERS, BASE_SECURITY_HEADERS } from "@/lib/security/headers";
import { ApiError } from "./errors";

/** The methods the app's routes understand. */
const KNOWN_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * Answers, in the API's error shape and on any path, a request Next.js cannot route, and says whether it did: an
 * unknown method (TRACE, PROPFIND, ...) is a 405 with `Allow`, a path that is not validly percent-encoded UTF-8
 * (`/api/chats/%`, `/api/chats/%C0%AF`) a 400. Next.js would answer both with a plain-text 500 (it cannot build a
 * `Request` for TRACE, which the Fetch standard forbids, nor decode such a path) before any of the app's code runs;
 * so this runs in the server's own request hook (`request-hook.ts`).
 */
export function refuseUnroutable(request: IncomingMessage, response: ServerResponse): boolean {
  const refusal = unroutable(request);
  if (refusal) send(refusal, response);
  return refusal !== undefined;
}

function unroutable(request: IncomingMessage): ApiError | undefined {
  const method = request.method ?? "";
  if (!(KNOWN_METHODS as readonly string[]).includes(method)) {
    return new ApiError(
      "METHOD_NOT_ALLOWED",
      `${method} is not supported here.`,
      { allowed: KNOWN_METHODS },
      { Allow: KNOWN_METHODS.join(", ") },
    );
  }
  if (!isValidlyEncoded((request.url ?? "/").split("?", 1)[0] ?? "/")) {
    return new ApiError("INVALID_REQUEST", "The URL's path is not validly percent-encoded.");
  }
  return undefined;
}

function isValidlyEncoded(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function send(error: ApiError, response: ServerResponse): void {
  const body = JSON.stringify({ error: error.message, code: error.code, details: error.details });
  response.writeHead(error.status, {
    ...BASE_SECURITY_HEADERS,
    ...API_HEADERS,
    ...error.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}
