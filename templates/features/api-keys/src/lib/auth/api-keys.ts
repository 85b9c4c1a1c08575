import { eq } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import type { Credential } from "@/lib/api/caller";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { auth } from "./server";

/** An API key, as `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export const apiKeyCredential: Credential = {
  hint: "send an API key",
  async authenticate(request) {
    const key = presentedApiKey(request.headers);
    if (!key) return undefined;
    const owner = await findApiKeyOwner(key);
    if (!owner) throw new ApiError("UNAUTHORIZED", "The API key is invalid, expired or revoked.");
    return owner;
  },
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
