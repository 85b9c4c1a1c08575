import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

/** The kernel every feature builds on: it imports nothing above it. */
const KERNEL = ["ai", "api", "auth", "db", "email", "ratelimit", "security", "ui"];

/**
 * Where the chosen features plug into the kernel: files the CLI renders from every feature's contributions ("aggregate"
 * in craftjs.json), so they import features by design.
 */
const SEAMS = [
  "src/lib/api/credentials.ts",
  "src/lib/api/error-codes.ts",
  "src/lib/auth/plugins.ts",
  "src/lib/auth/revoked-with-password.ts",
  "src/lib/auth/social-providers.ts",
  "src/lib/db/schema/index.ts",
  "src/lib/env.ts",
  "src/lib/security/connect-sources.ts",
  "src/lib/usage/anchors.ts",
];

/**
 * Refuses an import of something above the importing layer in src/lib (see "Where things are" in README.md): the
 * pages and components, and whatever else `patterns` name.
 */
const belowTheUi = (...patterns) => [
  "error",
  {
    patterns: [
      { group: ["@/app/*", "@/components/*"], message: "src/lib is below the pages and components." },
      ...patterns,
    ],
  },
];

/**
 * Next.js's rules (React, React hooks, accessibility, Core Web Vitals) and typescript-eslint's recommended ones. What
 * tools write is not linted: the build, migrations, test output.
 */
const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    files: ["src/lib/**/*.{ts,tsx}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": belowTheUi() },
  },
  {
    files: KERNEL.map((folder) => `src/lib/${folder}/**/*.{ts,tsx}`),
    ignores: ["**/*.test.{ts,tsx}", ...SEAMS],
    rules: {
      "no-restricted-imports": belowTheUi({
        group: ["@/lib/*", ...KERNEL.map((folder) => `!@/lib/${folder}`), "!@/lib/env"],
        message: "The kernel imports no feature: the feature imports the kernel.",
      }),
    },
  },
  {
    files: ["src/lib/client/**/*.{ts,tsx}", "src/lib/chat/*.{ts,tsx}", "src/lib/chat/client/**/*.{ts,tsx}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": belowTheUi({
        group: ["@/lib/*", "!@/lib/client", "!@/lib/chat", "@/lib/chat/server", "!@/lib/ui", "../server/*"],
        message: "Code that runs in the browser imports no server module.",
      }),
    },
  },
  { ignores: [".next/", "drizzle/", "data/", "test-results/", "playwright-report/", "next-env.d.ts"] },
];

export default config;
