import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

/**
 * Next.js's rules (React, React hooks, accessibility, Core Web Vitals) and typescript-eslint's recommended ones. What
 * tools write is not linted: the build, migrations, test output.
 */
const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  { ignores: [".next/", "drizzle/", "data/", "test-results/", "playwright-report/", "next-env.d.ts"] },
];

export default config;
