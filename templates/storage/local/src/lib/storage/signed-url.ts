import { createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import type { StoredObject } from "./types";

/** What a download URL allows: reading the object at `key`, as `filename`, until `expiresAt`. */
export interface DownloadGrant {
  key: string;
  filename: string;
  expiresAt: Date;
}

/**
 * The query parameters each method's URL carries besides `signature`, in the order they are signed. The method and
 * the key are signed too; they come from the request itself, so a URL made for one cannot serve another.
 */
const SIGNED_FIELDS = {
  PUT: ["size", "type", "expires"],
  GET: ["filename", "expires"],
} as const;

type Method = keyof typeof SIGNED_FIELDS;
type Fields<M extends Method> = Record<(typeof SIGNED_FIELDS)[M][number], string>;

/** The query of an upload URL: PUT exactly `size` bytes of `contentType` to `key`, once, until `expiresAt`. */
export function signUpload(object: StoredObject, secret: string): URLSearchParams {
  const fields = { size: String(object.size), type: object.contentType, expires: expiresOf(object.expiresAt) };
  return signedQuery("PUT", object.key, fields, secret);
}

/** The query of a download URL: GET `key` as an attachment named `filename` until `expiresAt`. */
export function signDownload(grant: DownloadGrant, secret: string): URLSearchParams {
  return signedQuery("GET", grant.key, { filename: grant.filename, expires: expiresOf(grant.expiresAt) }, secret);
}

/** The upload a PUT's query was signed for, or 403 if it was not signed with `secret` for this key or has expired. */
export function verifyUpload(key: string, query: URLSearchParams, secret: string, now = Date.now()): StoredObject {
  const { size, type, expires } = verifiedFields("PUT", key, query, secret, now);
  return { key, size: Number(size), contentType: type, expiresAt: new Date(Number(expires) * 1000) };
}

/** The download a GET's query was signed for, or 403 if it was not signed with `secret` for this key or has expired. */
export function verifyDownload(key: string, query: URLSearchParams, secret: string, now = Date.now()): DownloadGrant {
  const { filename, expires } = verifiedFields("GET", key, query, secret, now);
  return { key, filename, expiresAt: new Date(Number(expires) * 1000) };
}

/**
 * A `Content-Disposition` that makes browsers save the file as `filename`: an ASCII fallback with every other
 * character (quotes, backslashes, control characters, non-ASCII) replaced, and the exact name in RFC 5987's `filename*`.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const exact = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** Expiry as whole Unix seconds, the form the URL carries. */
function expiresOf(expiresAt: Date): string {
  return String(Math.floor(expiresAt.getTime() / 1000));
}

function signedQuery<M extends Method>(method: M, key: string, fields: Fields<M>, secret: string): URLSearchParams {
  const query = new URLSearchParams(fields);
  query.set("signature", signature(method, key, fields, secret));
  return query;
}

/**
 * The signed fields of the query, once the signature is proven to be `secret`'s over exactly them (compared in
 * constant time) and the expiry has not passed.
 */
function verifiedFields<M extends Method>(
  method: M,
  key: string,
  query: URLSearchParams,
  secret: string,
  now: number,
): Fields<M> {
  const fields: Record<string, string> = {};
  for (const name of SIGNED_FIELDS[method]) {
    const value = query.get(name);
    if (value === null) throw new ApiError("FORBIDDEN", "This URL is not a signed storage URL.");
    fields[name] = value;
  }
  const present = fields as Fields<M>;
  const expected = Buffer.from(signature(method, key, present, secret));
  const received = Buffer.from(query.get("signature") ?? "");
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
    throw new ApiError("FORBIDDEN", "This URL's signature is not valid.");
  }
  const expires = Number(fields.expires);
  if (!Number.isSafeInteger(expires) || expires * 1000 <= now) {
    throw new ApiError("FORBIDDEN", "This URL has expired; ask for a new one.");
  }
  return present;
}

/**
 * HMAC-SHA256 over the method, the key and the method's fields in SIGNED_FIELDS order, as one JSON array: no two
 * different requests sign alike.
 */
function signature<M extends Method>(method: M, key: string, fields: Fields<M>, secret: string): string {
  const values = SIGNED_FIELDS[method].map((name: keyof Fields<M>) => fields[name]);
  return createHmac("sha256", secret)
    .update(JSON.stringify([method, key, ...values]))
    .digest("base64url");
}
