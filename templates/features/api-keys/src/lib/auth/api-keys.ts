import { eq } from "drizzle-orm";
import { clientAddress } from "@/lib/api/client-address";
import { ApiError } from "@/lib/api/errors";
import type { Credential } from "@/lib/api/caller";
import { db } from "@/lib/db/client";
import { assertDatabaseReachable } from "@/lib/db/reachable";
import { API_KEY_FAILURES_PER_ADDRESS, recordFailure, refuseWhileBlocked } from "@/lib/ratelimit/failures";
import { users } from "@/lib/db/schema";
import { revokeAllApiKeys } from "./api-key-store";
import { auth } from "./server";

/**
 * An API key, as `Authorization: Bearer <key>` or `x-api-key: <key>`. Failed keys are limited per client address
 * (429 once used up, before the key is even looked up); a key refused while the database is down is a 503, never a
 * 401 that would make a client discard a good key. A new password revokes all of the user's keys.
 */
export const apiKeyCredential: Credential = {
  hint: "send an API key",
  async authenticate(request) {
    const key = presentedApiKey(request.headers);
    if (!key) return undefined;
    const address = clientAddress(request.headers);
    await refuseWhileBlocked(API_KEY_FAILURES_PER_ADDRESS, address);
    const owner = await findApiKeyOwner(key);
    if (owner) return owner;
    // Better Auth answers "invalid" when its lookup failed too: a database that does not answer is an outage (503).
    await assertDatabaseReachable();
    await recordFailure(API_KEY_FAILURES_PER_ADDRESS, address);
    throw new ApiError("UNAUTHORIZED", "The API key is invalid, expired or revoked.");
  },
  revokeAll: revokeAllApiKeys,
};

/** The API key a request presents; null when none. */
export function presentedApiKey(headers: Headers): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  return bearer ?? headers.get("x-api-key");
}

/** The user an API key belongs to; null for an unknown, revoked or expired key. */
async function findApiKeyOwner(key: string) {
  const result = await auth.api.verifyApiKey({ body: { key } });
  if (!result.valid || !result.key) return null;
  const [owner] = await db
    .select({ userId: users.id, email: users.email, plan: users.plan })
    .from(users)
    .where(eq(users.id, result.key.referenceId));
  return owner ?? null;
}
