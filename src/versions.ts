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
} as const;

export type Dependency = keyof typeof versions;
