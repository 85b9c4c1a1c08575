/**
 * Every dependency a generated project can get, with its pinned version.
 * A provider descriptor names dependencies by these keys only, so this map is the one place to bump a version.
 */
export const versions = {
  next: "16.4.6",
  "@next/env": "16.4.6",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "better-auth": "1.7.5",
  // @better-auth/api-key pins its peers exactly; these are the versions better-auth 1.7.5 itself depends on.
  "@better-auth/api-key": "1.7.5",
  "@better-auth/core": "1.7.5",
  // Better Auth's query builder: 0.29 needs Node 22. npm and pnpm pick 0.28 on Node 20 by themselves; yarn 1 is told.
  kysely: "0.28.19",
  ai: "6.0.325",
  // The React hook, the release that depends on exactly this `ai`.
  "@ai-sdk/react": "3.0.328",
  "@ai-sdk/openai": "3.0.141",
  "@ai-sdk/anthropic": "3.0.140",
  "@ai-sdk/google": "3.0.141",
  "@ai-sdk/openai-compatible": "2.0.92",
  ioredis: "5.9.2",
  // Payments: the last majors that still run on Node 20 (@polar-sh/sdk 1.x needs Node 22).
  stripe: "23.1.0",
  "@polar-sh/sdk": "0.47.1",
  dodopayments: "2.52.0",
  standardwebhooks: "1.1.1",
  // Storage: pinned exactly, the AWS SDK's next releases drop Node 20.
  "@aws-sdk/client-s3": "3.1169.0",
  "@aws-sdk/s3-request-presigner": "3.1169.0",
  // Email: both run on Node 20; nodemailer bundles its types.
  resend: "6.38.0",
  nodemailer: "10.6.1",
  "drizzle-orm": "0.45.4",
  "drizzle-kit": "0.31.11",
  "@libsql/client": "0.18.0",
  pg: "8.23.1",
  zod: "4.6.7",
  typescript: "5.9.3",
  vitest: "4.1.12",
  vite: "8.3.8",
  "@types/node": "20.19.43",
  "@types/react": "19.3.3",
  "@types/react-dom": "19.3.0",
  "@types/pg": "8.23.1",
  // The pages: Tailwind CSS 4 (its native parts install prebuilt), and the browser tests.
  tailwindcss: "4.3.5",
  "@tailwindcss/postcss": "4.3.5",
  "@playwright/test": "1.65.1",
  // 4.14 needs Node 22.
  "@axe-core/playwright": "4.13.0",
  // Lint and format: ESLint 9 (flat config) with Next's rules, typescript-eslint among them; Prettier sorting Tailwind's
  // classes.
  eslint: "9.39.5",
  "eslint-config-next": "16.4.6",
  prettier: "3.10.1",
  "prettier-plugin-tailwindcss": "0.8.1",
} as const;

export type Dependency = keyof typeof versions;
