import { apiKey } from "@better-auth/api-key";
import { apiKeys } from "@/lib/db/schema/api-keys";

/**
 * Better Auth's API-key plugin and its table. The plans' per-minute limits apply to API-key requests like to any
 * other; the plugin's own daily cap would not, so it is off.
 */
export const apiKeyAuth = {
  plugin: apiKey({ rateLimit: { enabled: false } }),
  tables: { apikey: apiKeys },
};
