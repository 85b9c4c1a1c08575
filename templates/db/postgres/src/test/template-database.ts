import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
import { databaseServer, dropDatabase, onServer, type TestDatabase, uniqueName, withDatabase } from "./database";

/**
 * A database on the server DATABASE_URL points at with every migration in drizzle/ applied, once per run
 * (global-setup.ts): what each test file's database is created from. Apart from database.ts, so that a test file
 * loads no migrator.
 */
export async function createTemplateDatabase(): Promise<TestDatabase> {
  const serverUrl = databaseServer();
  const name = uniqueName("test_template");
  await onServer(serverUrl, (admin) => admin.query(`create database "${name}"`));
  const url = withDatabase(serverUrl, name);
  // Closed before any copy is made: PostgreSQL copies a template only while no one is connected to it.
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: "drizzle" });
  } finally {
    await client.end();
  }
  return { url, drop: () => dropDatabase(serverUrl, name) };
}
