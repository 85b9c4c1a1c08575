/**
 * Every dependency a generated project can get, with its pinned version.
 * A provider descriptor names dependencies by these keys only, so this map is the one place to bump a version.
 */
export const versions = {
  next: "16.5.0",
  "@next/env": "16.5.0",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "better-auth": "1.7.29",
  // @better-auth/api-key names its peers by range; these are the versions better-auth itself depends on.
  "@better-auth/api-key": "1.7.29",
  "@better-auth/core": "1.7.29",
  // Better Auth's query builder (a range in better-auth's dependencies: pinned through the tree pins below).
  kysely: "0.29.9",
  ai: "7.0.173",
  // The React hook depends on one exact `ai`: `ai` is that release, and the providers are the releases built on the
  // same @ai-sdk/provider-utils, so the tree holds one copy of each.
  "@ai-sdk/react": "4.0.177",
  "@ai-sdk/openai": "4.0.118",
  "@ai-sdk/anthropic": "4.0.105",
  "@ai-sdk/google": "4.0.121",
  "@ai-sdk/openai-compatible": "3.0.92",
  // The chat's Markdown (linear-time parsing, no HTML) and code highlighting (highlight.js grammars as a tree, through
  // lowlight; the app imports the grammars itself, and lowlight takes highlight.js by a ~ range: a tree pin too).
  "markdown-it": "15.0.3",
  lowlight: "3.3.0",
  "highlight.js": "11.11.2",
  "@types/hast": "3.0.5",
  // The UI in shadcn/ui's shape: `cn` from clsx + tailwind-merge, variants with class-variance-authority, Radix
  // primitives where behaviour is not trivial (menus, selects, tooltips), lucide icons, tw-animate-css for their
  // enter and exit animations. Slot is the release the Radix primitives depend on, so the tree holds one copy.
  clsx: "2.1.1",
  "tailwind-merge": "3.7.3",
  "class-variance-authority": "0.7.1",
  "@radix-ui/react-slot": "1.5.0",
  "@radix-ui/react-dropdown-menu": "2.2.1",
  "@radix-ui/react-select": "2.4.1",
  "@radix-ui/react-tooltip": "1.4.1",
  // Ranges in the Radix primitives' dependencies: pinned through the tree pins below.
  "aria-hidden": "1.2.6",
  "react-remove-scroll": "2.7.2",
  "lucide-react": "1.88.0",
  // Geist, as font files inside the package (next/font/local): the build needs no font service.
  geist: "1.9.2",
  "tw-animate-css": "1.4.0",
  ioredis: "5.11.1",
  // Payments.
  stripe: "23.2.0",
  "@polar-sh/sdk": "1.0.1",
  dodopayments: "2.52.0",
  // The release resend depends on exactly (so the tree holds one copy); Dodo verifies its webhooks with it.
  standardwebhooks: "1.1.1",
  // Storage.
  "@aws-sdk/client-s3": "3.1178.0",
  "@aws-sdk/s3-request-presigner": "3.1178.0",
  // Email: nodemailer bundles its types.
  resend: "6.38.0",
  nodemailer: "10.6.1",
  "drizzle-orm": "0.45.4",
  "drizzle-kit": "0.31.11",
  "@libsql/client": "0.18.0",
  pg: "8.23.1",
  zod: "4.6.7",
  // The newest TypeScript that typescript-eslint and eslint-config-next accept (< 6.1); 7 (the native compiler) is not.
  typescript: "6.0.3",
  vitest: "5.1.2",
  vite: "8.4.1",
  "@types/node": "24.19.4",
  "@types/react": "19.3.3",
  "@types/react-dom": "19.3.0",
  "@types/pg": "8.23.1",
  // The pages: Tailwind CSS 4 (its native parts install prebuilt), and the browser tests.
  tailwindcss: "4.3.5",
  "@tailwindcss/postcss": "4.3.5",
  "@playwright/test": "1.65.2",
  // Its peer is `playwright-core >= 1.0.0`: pinned through the tree pins to the release @playwright/test brings.
  "playwright-core": "1.65.2",
  "@axe-core/playwright": "4.14.1",
  // Lint and format: ESLint 9 (flat config) with Next's rules, typescript-eslint among them; Prettier sorting Tailwind's
  // classes. ESLint stays on 9 while eslint-config-next's plugins (react, import, jsx-a11y) refuse 10.
  eslint: "9.39.5",
  "eslint-config-next": "16.5.0",
  prettier: "3.10.2",
  "prettier-plugin-tailwindcss": "0.8.1",
} as const;

export type Dependency = keyof typeof versions;

/**
 * Packages a generated app gets through others' ranges or peer ranges (not only as its own dependencies), forced to
 * their pin everywhere in the tree with each package manager's overrides: without this a peer such as
 * `playwright-core >= 1.0.0` installs the newest release beside the pinned one, and the app's tree changes on the day
 * something is published. Each must be a key of `versions`.
 */
export const treePins = [
  "@better-auth/core",
  "aria-hidden",
  "@types/node",
  "highlight.js",
  "kysely",
  "playwright-core",
  "react-remove-scroll",
  "standardwebhooks",
  "vite",
] as const satisfies readonly Dependency[];
