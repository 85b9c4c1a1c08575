import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";

/** Where the suite makes throwaway PostgreSQL databases (CI: user postgres, trust auth, database `test`). */
const POSTGRES_ADMIN_URL = process.env.CRAFTJS_E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `craftjs_e2e_${randomBytes(4).toString("hex")}`;
  await onAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onAdmin((client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}

async function onAdmin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Where a generated app keeps its data: its SQLite file, or the PostgreSQL database made for the run. */
export type AppDatabase = { kind: "sqlite"; appDir: string } | { kind: "postgres"; url: string };

/** Runs one statement against a generated app's database; `?` placeholders for SQLite, `$n` for PostgreSQL. */
async function execute(database: AppDatabase, statements: { sql: string; args: unknown[] }[]): Promise<void> {
  if (database.kind === "sqlite") {
    const client = createClient({ url: `file:${path.join(database.appDir, "data", "app.db")}` });
    try {
      await client.batch(
        statements.map(({ sql, args }) => ({ sql, args: args as never })),
        "write",
      );
    } finally {
      client.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("begin");
    for (const { sql, args } of statements) {
      let index = 0;
      await client.query(sql.replace(/\?/g, () => `$${++index}`), args);
    }
    await client.query("commit");
  } finally {
    await client.end();
  }
}

/** Moves a user to another plan, as billing will. */
export function setPlan(database: AppDatabase, userId: string, plan: string): Promise<void> {
  return execute(database, [{ sql: "update users set plan = ? where id = ?", args: [plan, userId] }]);
}

/** Sets the AI tokens a user has spent in the allowance period starting at `periodStart`. */
export function setAiUsage(database: AppDatabase, userId: string, periodStart: Date, tokens: number): Promise<void> {
  const sqlite = database.kind === "sqlite";
  const at = (date: Date) => (sqlite ? date.getTime() : date.toISOString());
  return execute(database, [
    {
      sql:
        "insert into ai_usage (id, user_id, period_start, tokens, updated_at) values (?, ?, ?, ?, ?) " +
        "on conflict (id) do update set tokens = excluded.tokens",
      args: [`${userId}:${periodStart.toISOString()}`, userId, at(periodStart), tokens, at(new Date())],
    },
  ]);
}

/**
 * Stores a chat with messages straight into a generated app's database, as the chat route of a later issue will:
 * the suite then reads it back over HTTP. `contents` alternate user and assistant messages.
 */
export async function insertChat(
  database: AppDatabase,
  userId: string,
  title: string,
  contents: string[],
): Promise<string> {
  const chatId = randomUUID();
  const now = Date.now();
  const at = (ms: number) => (database.kind === "sqlite" ? ms : new Date(ms));
  await execute(database, [
    {
      sql: "insert into chats (id, user_id, title, model, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
      args: [chatId, userId, title, "seeded-model", at(now), at(now)],
    },
    ...contents.map((content, index) => ({
      sql: "insert into messages (id, chat_id, role, content, created_at) values (?, ?, ?, ?, ?)",
      args: [randomUUID(), chatId, index % 2 === 0 ? "user" : "assistant", content, at(now + index)],
    })),
  ]);
  return chatId;
}

/** Moves a row's `created_at` back in time, as if it had been made `ms` milliseconds earlier than now. */
export function backdate(database: AppDatabase, table: "uploads", id: string, ms: number): Promise<void> {
  const when = Date.now() - ms;
  const createdAt = database.kind === "sqlite" ? when : new Date(when);
  return execute(database, [{ sql: `update ${table} set created_at = ? where id = ?`, args: [createdAt, id] }]);
}

/** Sets the size an upload was declared with, as if a file of that size were stored. */
export function setUploadSize(database: AppDatabase, id: string, size: number): Promise<void> {
  return execute(database, [{ sql: "update uploads set size = ? where id = ?", args: [size, id] }]);
}
