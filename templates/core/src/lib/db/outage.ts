/**
 * Driver error codes that mean the database cannot be reached or cannot serve right now, not that the query was
 * wrong: node-postgres and Node's sockets (the server is down, restarting or refusing connections) and libSQL
 * (the file cannot be opened, is locked, or the disk failed).
 */
const OUTAGE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006", // connection_exception and its kinds
  "SQLITE_CANTOPEN",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_IOERR",
  "SQLITE_FULL",
  "SQLITE_READONLY",
]);

/**
 * What the drivers report without a code: node-postgres its own connection timeouts and dropped connections, libSQL
 * a local file it cannot open (`ConnectionFailed("Unable to open connection to local database …: 14")`).
 */
const OUTAGE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /Client has encountered a connection error/i,
  /ConnectionFailed\(/,
  /unable to open (connection to local database|database file)/i,
];

/**
 * Whether an error (or any error it wraps: Drizzle's and Better Auth's `cause`, an `AggregateError` from trying
 * every address of the host) says the database is unavailable, so that the caller is told 503, not that their
 * credentials or request were wrong.
 */
export function isDatabaseOutage(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 8) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (
    typeof code === "string" &&
    (OUTAGE_CODES.has(code) || OUTAGE_CODES.has(code.replace(/^(SQLITE_[A-Z]+)_.*$/, "$1")))
  ) {
    return true;
  }
  if (typeof message === "string" && OUTAGE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseOutage(inner, depth + 1))) return true;
  return isDatabaseOutage(cause, depth + 1);
}
