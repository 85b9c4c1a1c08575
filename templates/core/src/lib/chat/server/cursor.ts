import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { hasUnstorableCharacters } from "@/lib/api/validation";

/** A position in a newest-first list of chats: the last chat's update time and id, opaque to clients. */
export interface ChatCursor {
  updatedAt: Date;
  id: string;
}

/**
 * The key cursors are signed with: derived from BETTER_AUTH_SECRET under a label of its own, so that a cursor's
 * signature reveals nothing about the key that signs sessions, and rotating that secret invalidates old cursors.
 */
const signingKey = Buffer.from(hkdfSync("sha256", env.BETTER_AUTH_SECRET, "", "craftjs chat list cursor v1", 32));

function signatureOf(payload: string): Buffer {
  return createHmac("sha256", signingKey).update(payload).digest();
}

/** The cursor as a string clients pass back unchanged: its position and an HMAC over it, base64url-encoded. */
export function encodeCursor(cursor: ChatCursor): string {
  const payload = `${cursor.updatedAt.getTime()}:${cursor.id}`;
  return `${Buffer.from(payload).toString("base64url")}.${signatureOf(payload).toString("base64url")}`;
}

/** A cursor's shape: base64url payload, a dot, and the base64url of a 32-byte signature (nothing else decodes). */
const CURSOR_FORMAT = /^([\w-]{1,400})\.([\w-]{43})$/;

/** The cursor a string encodes, or null when this app did not make it or it was altered. */
export function decodeCursor(value: string): ChatCursor | null {
  const parts = CURSOR_FORMAT.exec(value);
  if (!parts) return null;
  const payload = Buffer.from(parts[1]!, "base64url").toString();
  const signature = Buffer.from(parts[2]!, "base64url");
  const expected = signatureOf(payload);
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  const match = /^(\d{1,15}):(.+)$/s.exec(payload);
  if (!match || hasUnstorableCharacters(match[2]!)) return null;
  const updatedAt = new Date(Number(match[1]));
  return Number.isNaN(updatedAt.getTime()) ? null : { updatedAt, id: match[2]! };
}
