import { and, desc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { auth } from "./server";

/** What a key's owner sees of it: how to recognise it (`start`, its first characters), never the key or its hash. */
const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  start: apiKeys.start,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastRequest,
  expiresAt: apiKeys.expiresAt,
};

/** What the owner may choose about a new key. */
export interface NewApiKey {
  name?: string;
  /** Seconds until the key stops working; never, when omitted. */
  expiresIn?: number;
}

/**
 * A new key for the user, made by Better Auth's API-key plugin (it generates the key and stores only its hash). This
 * is the only time the key itself is ever returned.
 */
export async function issueApiKey(userId: string, { name, expiresIn }: NewApiKey) {
  const created = await auth.api.createApiKey({ body: { userId, name, expiresIn } });
  const { id, start, prefix, createdAt, expiresAt, key } = created;
  return { id, name: created.name, key, start, prefix, createdAt, expiresAt };
}

/** The user's keys, newest first. */
export async function listApiKeys(userId: string) {
  return db
    .select(summaryColumns)
    .from(apiKeys)
    .where(eq(apiKeys.referenceId, userId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Deletes one of the user's keys, which from then on is refused like any unknown key; false when they have no such key. */
export async function revokeApiKey(userId: string, keyId: string): Promise<boolean> {
  const revoked = await db
    .delete(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.referenceId, userId)))
    .returning({ id: apiKeys.id });
  return revoked.length > 0;
}

/** Deletes every key the user has: a new password revokes them all (see apiKeyCredential). */
export async function revokeAllApiKeys(userId: string): Promise<void> {
  await db.delete(apiKeys).where(eq(apiKeys.referenceId, userId));
}
