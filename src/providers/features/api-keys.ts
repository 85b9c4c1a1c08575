import type { ItemDescriptor } from "../types.js";

/** API keys through Better Auth's API-key plugin: created, listed and revoked by signed-in users. */
export const apiKeys: ItemDescriptor = {
  id: "api-keys",
  label: "API keys",
  hint: "Authorization: Bearer or x-api-key on every protected route",
  templates: "features/api-keys",
  dependencies: ["@better-auth/api-key", "@better-auth/core"],
  schemaModules: ["api-keys"],
  authPlugins: [{ name: "apiKeyAuth", from: "@/lib/auth/api-key-plugin" }],
  credentials: [{ name: "apiKeyCredential", from: "@/lib/auth/api-keys", order: 10 }],
  routes: [
    {
      path: "/api/auth/api-key/*",
      methods: "GET, POST",
      auth: "yes",
      summary: "API keys: `create` (the key is shown once, then stored hashed), `list`, `delete` (`{ \"keyId\" }`)",
    },
  ],
  readme: [
    {
      title: "API keys",
      body:
        "Any protected route also accepts an API key as `Authorization: Bearer <key>` or `x-api-key: <key>`, counted\n" +
        "against its owner's plan. A signed-in user creates keys with `POST /api/auth/api-key/create`, lists them with\n" +
        "`GET /api/auth/api-key/list` and revokes one with `POST /api/auth/api-key/delete { \"keyId\" }`; a revoked, expired or\n" +
        "unknown key is a 401.",
    },
  ],
};
