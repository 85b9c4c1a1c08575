/**
 * The characters a database refuses or mangles in text: NUL (PostgreSQL refuses it, SQLite cuts the text at it) and
 * UTF-16 halves without their pair (not characters at all; the drivers would turn them into U+FFFD on their own).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDFFF]/gu;

/**
 * Text as both databases store it whole: each unstorable character becomes U+FFFD, the replacement character, so
 * nothing after it is lost. For text the app did not choose, such as a model's answer, which may hold anything.
 */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, "\uFFFD");
}
