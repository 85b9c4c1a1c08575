import { randomBytes } from "node:crypto";
import { Client } from "pg";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A test file's own database, created on the server DATABASE_URL points at as a copy of the migrated template
 * (template-database.ts).
 */
export async function copyTemplateDatabase(templateUrl: string): Promise<TestDatabase> {
  const serverUrl = databaseServer();
  const template = new URL(templateUrl).pathname.slice(1);
  const name = uniqueName("test");
  await onServer(serverUrl, (admin) => admin.query(`create database "${name}" template "${template}"`));
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      // The app's pool first, waiting for any query still running: dropping under it would kill its connections.
      const { closeDatabase } = await import("@/lib/db/client");
      await closeDatabase();
      await dropDatabase(serverUrl, name);
    },
  };
}

export function databaseServer(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at a PostgreSQL server to create test databases on.");
  return url;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now()}_${randomBytes(4).toString("hex")}`;
}

export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return onServer(serverUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
}

export async function onServer(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
