import { readRawBody } from "@/lib/api/body";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/api/client-address";
import { ApiError } from "@/lib/api/errors";

/** The largest body an auth endpoint accepts: its JSON holds a few short fields, never more. */
export const AUTH_BODY_LIMIT = 64 * 1024;

/** The longest value each auth field may have, in characters (an email address is at most 254 by RFC 5321). */
export const AUTH_FIELD_LIMITS: Readonly<Record<string, number>> = {
  email: 254,
  password: 128,
  newPassword: 128,
  currentPassword: 128,
  name: 100,
  image: 2048,
  callbackURL: 2048,
};

/** A request for Better Auth, checked: its body read (within the limit) and its fields parsed. */
export interface CheckedAuthRequest {
  /** The request to hand to Better Auth: the same method, URL and body, with the client address it may trust. */
  request: Request;
  /** The fields the body holds, JSON or form-encoded alike; empty when it holds none. */
  fields: Record<string, unknown>;
}

/**
 * Checks a request to /api/auth before Better Auth sees it: a declared `Content-Length` over the limit is a 413 at
 * once (the body is not waited for), a longer body is cut off at the limit with 413, an over-long field is a 400
 * naming it. Better Auth also reads form-encoded bodies, so those are read the same way and pass the same checks (and
 * the sign-in throttle); a body of any other type is refused with 415. The request handed on carries the client
 * address in CLIENT_ADDRESS_HEADER, replacing any a client sent.
 */
export async function checkAuthRequest(request: Request): Promise<CheckedAuthRequest> {
  const text = request.method === "GET" || request.method === "HEAD" ? "" : await readRawBody(request, AUTH_BODY_LIMIT);
  const fields = text === "" ? {} : fieldsOf(request.headers.get("content-type"), text);
  for (const [field, maxLength] of Object.entries(AUTH_FIELD_LIMITS)) {
    const value = fields[field];
    if (typeof value === "string" && value.length > maxLength) {
      throw new ApiError("INVALID_REQUEST", `${field} must be at most ${maxLength} characters.`, {
        issues: [{ path: field, message: `At most ${maxLength} characters.` }],
      });
    }
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.set(CLIENT_ADDRESS_HEADER, clientAddress(request.headers));
  const forwarded = new Request(request.url, {
    method: request.method,
    headers,
    body: text === "" ? undefined : text,
    signal: request.signal,
  });
  return { request: forwarded, fields };
}

/** The fields of a JSON or form-encoded body; any other type of body is a 415. */
function fieldsOf(contentType: string | null, text: string): Record<string, unknown> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") return parseObject(text);
  if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(text));
  throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON (Content-Type: application/json).", {
    contentType: type || null,
  });
}

/** The JSON object a body holds; an empty object for anything else (Better Auth answers a malformed body itself). */
function parseObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
