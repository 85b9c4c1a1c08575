import { isDatabaseOutage } from "@/lib/db/outage";
import { featureErrorCodes } from "./error-codes";

/** Every error code the API answers with, and its HTTP status: these, and those of the app's features. */
const statusOf = {
  ...featureErrorCodes,
  INVALID_REQUEST: 400,
  INVALID_MODEL: 400,
  CONTEXT_TOO_LONG: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  PROVIDER_ERROR: 502,
  SERVICE_UNAVAILABLE: 503,
  NOT_CONFIGURED: 503,
} as const;

export type ErrorCode = keyof typeof statusOf;

/** A failure the client is told about: `{ error, code, details }` with the code's status. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = statusOf[code];
  }
}

/** A 404 that says only that the resource does not exist for this caller, never whose it is. */
export function notFound(resource: string): ApiError {
  return new ApiError("NOT_FOUND", `No such ${resource}.`);
}

/**
 * A 503 for a feature whose provider needs a setting the server was started without; the message names the variable
 * to set, so that the fix is in the answer rather than in the server's log.
 */
export function notConfigured(feature: string, variable: string): ApiError {
  return new ApiError(
    "NOT_CONFIGURED",
    `${feature} is not configured: set ${variable} (in .env) and restart the server.`,
    { variable },
  );
}

/**
 * A setting a feature needs at the moment it is used: its absence is a 503 NOT_CONFIGURED naming the env var, so an
 * app without, say, payment keys still starts and only the routes that need them say what to set.
 */
export function requireSetting(feature: string, name: string, value: string | undefined): string {
  if (!value)
    throw new ApiError("NOT_CONFIGURED", `${feature} is not configured: set ${name} in the environment.`, {
      env: name,
    });
  return value;
}

/**
 * Runs a call to an outside service (a payment provider, a storage backend): an ApiError it raises (a missing
 * setting) stays as it is; any other failure (down, refused, timed out) is a 502 whose detail goes to the log only.
 */
export async function callService<T>(service: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    console.error(`${service} request failed:`, error instanceof Error ? error.message : error);
    throw new ApiError("PROVIDER_ERROR", `${service} did not complete the request; try again shortly.`);
  }
}

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * A 503 for a database outage: the caller's request or credentials may be fine, so a client retries later instead
 * of discarding a good key or session.
 */
export function databaseUnavailable(): ApiError {
  return new ApiError(
    "SERVICE_UNAVAILABLE",
    "The database is unavailable; try again shortly.",
    {},
    { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
  );
}

/**
 * The response for any thrown value: an ApiError as it says, a database outage as a 503 with Retry-After, anything
 * else logged and answered as a bare 500.
 */
export function errorResponse(error: unknown): Response {
  if (!(error instanceof ApiError) && isDatabaseOutage(error)) {
    console.error("Database unavailable:", (error as Error).message);
    return errorResponse(databaseUnavailable());
  }
  if (error instanceof ApiError) {
    return Response.json(
      { error: error.message, code: error.code, details: error.details },
      { status: error.status, headers: error.headers },
    );
  }
  console.error("Unhandled error in an API route:", error);
  return Response.json(
    { error: "Something went wrong on our side.", code: "INTERNAL_ERROR", details: {} },
    { status: 500 },
  );
}
