import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh SQLite file in a temporary folder, with every migration in drizzle/ applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const folder = await mkdtemp(path.join(tmpdir(), "craftjs-test-"));
  const url = `file:${path.join(folder, "test.db")}`;
  const client = createClient({ url });
  try {
    await migrate(drizzle(client), { migrationsFolder: "drizzle" });
  } finally {
    client.close();
  }
  return { url, drop: () => rm(folder, { recursive: true, force: true }) };
}
