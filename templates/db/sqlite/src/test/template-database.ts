import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { temporaryDatabase, type TestDatabase } from "./database";

/**
 * A SQLite file in a temporary folder with every migration in drizzle/ applied, once per run (global-setup.ts): what
 * each test file's database is copied from. Apart from database.ts, so that a test file loads no database driver.
 */
export async function createTemplateDatabase(): Promise<TestDatabase> {
  const template = await temporaryDatabase("template.db");
  const client = createClient({ url: template.url });
  try {
    await migrate(drizzle(client), { migrationsFolder: "drizzle" });
  } finally {
    client.close();
  }
  return template;
}
