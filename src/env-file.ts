/** Characters dotenv and dotenv-expand read as they are, with no quotes. */
const PLAIN = /^[\w.,:;/@+=?&%~-]*$/;

/**
 * Quotes a value for a `.env` line so that Next's env loader (dotenv, then dotenv-expand) reads it back exactly:
 * inside quotes `#` and spaces are kept, and every `$` is written `\$` so that nothing is expanded (dotenv-expand
 * turns `\$` back into `$` and leaves every other backslash alone). Single quotes are preferred because dotenv
 * changes nothing inside them (a newline is kept as it is); a value holding one takes backticks, one holding both
 * takes double quotes, inside which dotenv would turn the two characters `\n` into a newline. A value no quoting can
 * carry is refused rather than written wrong. A value of only plain characters (a URL without a password, a secret)
 * stays unquoted, as people write them.
 */
export function quoteEnvValue(value: string): string {
  if (PLAIN.test(value)) return value;
  const escaped = value.replaceAll("$", "\\$");
  for (const quote of ["'", "`"]) if (!value.includes(quote)) return `${quote}${escaped}${quote}`;
  if (!value.includes('"') && !/\\[nr]/.test(value)) return `"${escaped}"`;
  throw new Error(`This value cannot be written to .env so that it reads back the same: ${value}`);
}

/** One `NAME=value` line of a .env file, the value quoted by quoteEnvValue. */
export function envLine(name: string, value: string): string {
  return `${name}=${quoteEnvValue(value)}`;
}
