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

/**
 * Stores a chat with messages straight into a generated app's database, as the chat route of a later issue will:
 * the suite then reads it back over HTTP. `contents` alternate user and assistant messages.
 */
export async function insertChat(
  database: { kind: "sqlite"; appDir: string } | { kind: "postgres"; url: string },
  userId: string,
  title: string,
  contents: string[],
): Promise<string> {
  const chatId = randomUUID();
  const now = Date.now();
  const rows = contents.map((content, index) => ({
    id: randomUUID(),
    role: index % 2 === 0 ? "user" : "assistant",
    content,
    at: now + index,
  }));
  if (database.kind === "sqlite") {
    const client = createClient({ url: `file:${path.join(database.appDir, "data", "app.db")}` });
    try {
      await client.batch(
        [
          {
            sql: "insert into chats (id, user_id, title, model, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
            args: [chatId, userId, title, "seeded-model", now, now],
          },
          ...rows.map((row) => ({
            sql: "insert into messages (id, chat_id, role, content, created_at) values (?, ?, ?, ?, ?)",
            args: [row.id, chatId, row.role, row.content, row.at],
          })),
        ],
        "write",
      );
    } finally {
      client.close();
    }
    return chatId;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(
      "insert into chats (id, user_id, title, model, created_at, updated_at) values ($1, $2, $3, $4, $5, $5)",
      [chatId, userId, title, "seeded-model", new Date(now)],
    );
    for (const row of rows) {
      await client.query("insert into messages (id, chat_id, role, content, created_at) values ($1, $2, $3, $4, $5)", [
        row.id,
        chatId,
        row.role,
        row.content,
        new Date(row.at),
      ]);
    }
  } finally {
    await client.end();
  }
  return chatId;
}
