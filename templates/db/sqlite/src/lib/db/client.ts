import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { env } from "@/lib/env";
import * as schema from "./schema";

/** The dialect name Better Auth's Drizzle adapter expects. */
export const dialect = "sqlite";

function connect() {
  return drizzle(createClient({ url: env.DATABASE_URL }), { schema });
}

type Database = ReturnType<typeof connect>;
let connection: Database | undefined;

/**
 * The database, opened on first use: a file that cannot be opened fails the request that needed it (a JSON error,
 * a 503 from /api/health), not the import of every route.
 */
export const db = new Proxy({} as Database, {
  get: (_, property) => Reflect.get((connection ??= connect()), property),
});

/**
 * A query built once, on first use, and run as often as needed with its `sql.placeholder` values filled in (as
 * `.execute({ ... })`): Drizzle builds its SQL once instead of on every request. `name` is what PostgreSQL calls
 * the statement; SQLite has no statement names.
 */
export function prepared<Query extends { prepare(): unknown }>(
  name: string,
  query: () => Query,
): () => ReturnType<Query["prepare"]> {
  let statement: ReturnType<Query["prepare"]> | undefined;
  return () => (statement ??= query().prepare() as ReturnType<Query["prepare"]>);
}

export async function pingDatabase(): Promise<void> {
  await db.run(sql`select 1`);
}
