import { apiKey } from "@better-auth/api-key";
import { apiKeys } from "@/lib/db/schema/api-keys";

/**
 * Better Auth's API-key plugin and its table. The plans' per-minute limits apply to API-key requests like to any
 * other; the plugin's own daily cap would not, so it is off.
 */
const plugin = apiKey({ rateLimit: { enabled: false } });

export const apiKeyAuth = {
  plugin,
  tables: { apikey: apiKeys },
  /**
   * Every endpoint of the plugin: keys are made, listed and revoked through /api/keys, which checks what it stores
   * (a name without control characters, an expiry within bounds) and calls the plugin through auth.api. Its own
   * endpoints would store whatever a client sends.
   */
  serverOnlyPaths: Object.values(plugin.endpoints).flatMap((endpoint) => (endpoint.path ? [endpoint.path] : [])),
};
