import { pingDatabase } from "@/lib/db/client";

/**
 * Throws the driver's own error when the database does not answer, so that `errorResponse` reports the outage (503)
 * instead of what a library made of it: Better Auth answers a failed lookup as "invalid key" or "failed to get
 * session", its database error gone. Call it where such a failure surfaces; it costs one query, on failures only.
 */
export async function assertDatabaseReachable(): Promise<void> {
  await pingDatabase();
}
