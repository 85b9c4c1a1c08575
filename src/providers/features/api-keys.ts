import type { ProviderDescriptor } from "../types.js";

/** API keys through Better Auth's API-key plugin: created, listed and revoked by signed-in users. */
export const apiKeys: ProviderDescriptor = {
  id: "api-keys",
  label: "API keys",
  templates: "features/api-keys",
  dependencies: ["@better-auth/api-key", "@better-auth/core"],
  schemaModules: ["api-keys"],
};
