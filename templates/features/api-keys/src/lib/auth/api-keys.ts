import { defaultKeyHasher } from "@better-auth/api-key";
import { eq, sql } from "drizzle-orm";
import { clientAddress } from "@/lib/api/client-address";
import { ApiError } from "@/lib/api/errors";
import type { Credential } from "@/lib/api/caller";
import { db, prepared } from "@/lib/db/client";
import { assertDatabaseReachable } from "@/lib/db/reachable";
import { API_KEY_FAILURES_PER_ADDRESS, recordFailure, refuseWhileBlocked } from "@/lib/ratelimit/failures";
import { apiKeys, users } from "@/lib/db/schema";
import { revokeAllApiKeys } from "./api-key-store";

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

/** How often a key's "last used" time is written: at most once a minute, not on every request it makes. */
const LAST_USED_PRECISION_MS = 60_000;

/** A key by its hash (as Better Auth stores it, indexed), joined to its owner: built once. */
const apiKeyByHash = prepared("api_key_by_hash", () =>
  db
    .select({
      keyId: apiKeys.id,
      enabled: apiKeys.enabled,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastRequest,
      userId: users.id,
      email: users.email,
      plan: users.plan,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.referenceId))
    .where(eq(apiKeys.key, sql.placeholder("hash"))),
);

/**
 * The user an API key belongs to, in one read by the key's hash joined to its owner; null for an unknown, revoked,
 * disabled or expired key. Its "last used" time is written when it is a minute old: Better Auth's own check wrote
 * twice on every request.
 */
async function findApiKeyOwner(key: string) {
  const now = new Date();
  const [found] = await apiKeyByHash().execute({ hash: await defaultKeyHasher(key) });
  if (!found || !found.enabled || (found.expiresAt && found.expiresAt <= now)) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.update(apiKeys).set({ lastRequest: now }).where(eq(apiKeys.id, found.keyId));
  }
  return { userId: found.userId, email: found.email, plan: found.plan };
}
