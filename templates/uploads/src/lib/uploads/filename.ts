import { randomUUID } from "node:crypto";

/** The longest file name kept, in UTF-8 bytes (file systems allow 255); longer ones keep their extension. */
const MAX_NAME_BYTES = 200;

/**
 * A client's file name as something safe to show, store and use as the last part of a key: unicode normalized (NFC),
 * no control characters, no path (only what follows the last slash or backslash), no leading dots, only letters,
 * digits and `._-` (others become `-`), at most 200 bytes with its extension kept; "file" when nothing is left.
 */
export function safeFilename(name: string): string {
  const base = name.normalize("NFC").split(/[/\\]/).at(-1) ?? "";
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[^\p{L}\p{N}._-]+/gu, "-")
    .replace(/^[.-]+/, "")
    .replace(/-+/g, "-");
  if (!cleaned || /^\.+$/.test(cleaned)) return "file";
  if (bytes(cleaned) <= MAX_NAME_BYTES) return cleaned;
  const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(cleaned)?.[0] ?? "";
  let stem = "";
  for (const character of cleaned.slice(0, cleaned.length - extension.length)) {
    if (bytes(stem + character) + bytes(extension) > MAX_NAME_BYTES) break;
    stem += character;
  }
  return stem + extension;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Where a user's upload is stored: under their own prefix, in a folder no other upload shares. */
export function objectKey(userId: string, filename: string): string {
  return `${userId}/${randomUUID()}/${safeFilename(filename)}`;
}
