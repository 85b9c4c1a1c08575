import { listApiKeys } from "@/lib/auth/api-key-store";
import { requireUser } from "@/lib/auth/page-session";
import { ApiKeyManager } from "./api-key-manager";

/** The settings section for API keys, listed on the server: opening settings spends none of the plan's requests. */
export async function ApiKeysSection() {
  const user = await requireUser();
  const keys = await listApiKeys(user.id);
  return (
    <ApiKeyManager
      initialKeys={keys.map((key) => ({
        ...key,
        createdAt: key.createdAt.toISOString(),
        lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      }))}
    />
  );
}
