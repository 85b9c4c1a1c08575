import type { ItemDescriptor } from "../types.js";

/** API keys through Better Auth's API-key plugin, created, listed and revoked at /api/keys by their owner. */
export const apiKeys: ItemDescriptor<"api-keys"> = {
  id: "api-keys",
  label: "API keys",
  hint: "Authorization: Bearer or x-api-key on every protected route",
  templates: "features/api-keys",
  dependencies: ["@better-auth/api-key", "@better-auth/core"],
  schemaModules: ["api-keys"],
  authPlugins: [{ name: "apiKeyAuth", from: "@/lib/auth/api-key-plugin" }],
  credentials: [{ name: "apiKeyCredential", from: "@/lib/auth/api-keys", order: 10, revokedWithPassword: "API keys" }],
  settingsSections: [{ name: "ApiKeysSection", from: "@/components/settings/api-keys-section" }],
  routes: [
    {
      path: "/api/keys",
      methods: "GET, POST",
      auth: "yes",
      summary:
        "your API keys, newest first (`id`, `name`, `start`, `createdAt`, `lastUsedAt`, `expiresAt`; never the key); " +
        "`{ name?, expiresIn? }` creates one and shows it this once (201)",
    },
    { path: "/api/keys/[id]", methods: "DELETE", auth: "yes", summary: "revoke one of your API keys" },
  ],
  readme: [
    {
      title: "API keys",
      body:
        "Any protected route also accepts an API key as `Authorization: Bearer <key>` or `x-api-key: <key>`, counted\n" +
        "against its owner's plan; a revoked, expired or unknown key is a 401. Keys are managed through `/api/keys` with\n" +
        "the session cookie, from the app's pages or from a script (no `Origin` header needed); `expiresIn` is in seconds\n" +
        "(one day to 365 days), and the key is stored hashed, so it is shown once, in the answer that creates it:\n" +
        "\n" +
        "```sh\n" +
        "curl -c cookies.txt -H 'content-type: application/json' \\\n" +
        "  -d '{\"email\":\"you@example.com\",\"password\":\"your password\"}' http://localhost:3000/api/auth/sign-in/email\n" +
        "curl -b cookies.txt -H 'content-type: application/json' -d '{\"name\":\"ci\"}' http://localhost:3000/api/keys\n" +
        "curl -H 'authorization: Bearer <the key>' http://localhost:3000/api/chats\n" +
        "```\n" +
        "\n" +
        "An API key may list and revoke keys but not create them (403 `FORBIDDEN`), so revoking a leaked key is enough.\n" +
        "A new password revokes every key of its account: a reset always, a change when it signs out the other sessions.\n" +
        "Better Auth's own `/api/auth/api-key/*` endpoints answer 404: `/api/keys`, which checks what it stores, calls\n" +
        "the plugin on the server.",
    },
  ],
};
