import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { env } from "@/lib/env";
import * as schema from "./schema";

/** The dialect name Better Auth's Drizzle adapter expects. */
export const dialect = "pg";

const pool = new Pool({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5_000 });
// A connection that drops while idle must not take the whole process down; the next query reconnects.
pool.on("error", (error) => console.error("PostgreSQL connection lost:", error.message));

export const db = drizzle(pool, { schema });

/**
 * A query built once, on first use, and run as often as needed with its `sql.placeholder` values filled in (as
 * `.execute({ ... })`): Drizzle builds its SQL once, and each pooled connection parses and plans it once, as the
 * prepared statement `name` (one name per query).
 */
export function prepared<Query extends { prepare(name: string): unknown }>(
  name: string,
  query: () => Query,
): () => ReturnType<Query["prepare"]> {
  let statement: ReturnType<Query["prepare"]> | undefined;
  return () => (statement ??= query().prepare(name) as ReturnType<Query["prepare"]>);
}

export async function pingDatabase(): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Closes the pool once its clients are back: a test file's last step, before its database is dropped. */
export async function closeDatabase(): Promise<void> {
  await pool.end();
}
