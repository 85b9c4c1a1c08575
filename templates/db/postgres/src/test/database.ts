import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the server DATABASE_URL points at, with every migration in drizzle/ applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL must point at a PostgreSQL server to create test databases on.");
  const name = `test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, (admin) => admin.query(`create database "${name}"`));
  const url = withDatabase(serverUrl, name);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: "drizzle" });
  } finally {
    await client.end();
  }
  return {
    url,
    drop: async () => {
      // The app's pool first, waiting for any query still running: dropping under it would kill its connections.
      const { closeDatabase } = await import("@/lib/db/client");
      await closeDatabase();
      await onServer(serverUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function onServer(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
