import { randomBytes } from "node:crypto";
import type { ProviderDescriptor } from "./types.js";

/** The part of every CraftJS app that no option changes: Next.js, auth, the API kernel, the chats routes. */
export const core: ProviderDescriptor = {
  id: "core",
  label: "CraftJS core",
  templates: "core",
  dependencies: ["next", "@next/env", "react", "react-dom", "better-auth", "drizzle-orm", "zod"],
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
      name: "GITHUB_CLIENT_ID",
      comment: "GitHub OAuth app (github.com/settings/developers). Sign-in with GitHub is on when both GitHub values are set.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "GITHUB_CLIENT_SECRET",
      comment: "The GitHub OAuth app's client secret.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "GOOGLE_CLIENT_ID",
      comment: "Google OAuth client. Sign-in with Google is on when both Google values are set.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "GOOGLE_CLIENT_SECRET",
      comment: "The Google OAuth client's secret.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "NEXT_TELEMETRY_DISABLED",
      comment: "Keeps Next.js from sending anonymous telemetry.",
      example: "1",
      value: () => "1",
    },
  ],
};
