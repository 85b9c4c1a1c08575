import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createTemplateDatabase } from "./template-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated database each test file's own database is copied from. */
    templateDatabaseUrl: string;
  }
}

/** Migrates one template database before the run (dropped after it): copying it is much faster than migrating. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync("drizzle/meta/_journal.json")) {
    throw new Error("No migrations in drizzle/: run the db:generate script first.");
  }
  // The same DATABASE_URL the test files get (vitest's env, .env files included).
  const configured = project.config.env.DATABASE_URL;
  if (configured) process.env.DATABASE_URL = configured;
  const template = await createTemplateDatabase();
  project.provide("templateDatabaseUrl", template.url);
  return template.drop;
}
