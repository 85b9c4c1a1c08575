import { randomBytes } from "node:crypto";
import type { ProviderDescriptor } from "./types.js";

/** The part of every CraftJS app that no option changes: Next.js, auth, the API kernel, the chats routes. */
export const core: ProviderDescriptor = {
  id: "core",
  label: "CraftJS core",
  templates: "core",
  dependencies: ["next", "@next/env", "react", "react-dom", "better-auth", "drizzle-orm", "zod", "ai"],
  devDependencies: ["typescript", "vitest", "vite", "drizzle-kit", "@types/node", "@types/react", "@types/react-dom"],
  schemaModules: ["auth", "chats"],
  scripts: {
    dev: "next dev",
    build: "next build",
    start: "next start",
    typecheck: "tsc --noEmit",
    test: "vitest run",
    "db:generate": "drizzle-kit generate",
    "db:migrate": "drizzle-kit migrate",
  },
  env: [
    {
      name: "APP_URL",
      comment: "The public URL of the app: Better Auth's base URL and the origin CORS always allows.",
      schema: "z.url()",
      example: "http://localhost:3000",
      value: () => "http://localhost:3000",
    },
    {
      name: "BETTER_AUTH_SECRET",
      comment: "Signs sessions and tokens. At least 32 random characters; generate one with `openssl rand -base64 32`.",
      schema: "z.string().min(32)",
      example: "",
      value: () => randomBytes(32).toString("base64url"),
    },
    {
      name: "CORS_ORIGINS",
      comment:
        "Other origins allowed to call the API from a browser, comma-separated, e.g. https://admin.example.com (APP_URL always is).",
      schema: "z.string().optional()",
      example: "",
      value: ({ options }) => (options.corsOrigins as string[]).join(","),
    },
    {
      name: "AI_DEFAULT_MODEL",
      comment: "The model a chat uses when the request names none. Unset: the first model in src/config/models.ts.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "AI_TIMEOUT_MS",
      comment: "How long the chat route waits for the provider's first token before answering 502.",
      schema: "z.coerce.number().int().positive().default(30_000)",
      example: "30000",
    },
    {
      name: "NEXT_TELEMETRY_DISABLED",
      comment: "Keeps Next.js from sending anonymous telemetry.",
      example: "1",
      value: () => "1",
    },
  ],
};
