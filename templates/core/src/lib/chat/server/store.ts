import { and, asc, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import { db, prepared } from "@/lib/db/client";
import { chats, messages } from "@/lib/db/schema";
import { storableText } from "@/lib/db/storable";
import type { FinishedAnswer } from "@/lib/chat/server/stream";
import type { ChatTurn } from "@/lib/chat/server/messages";
import { type ChatCursor, encodeCursor } from "./cursor";

const summaryColumns = {
  id: chats.id,
  title: chats.title,
  model: chats.model,
  createdAt: chats.createdAt,
  updatedAt: chats.updatedAt,
};

const messageColumns = {
  id: messages.id,
  chatId: messages.chatId,
  role: messages.role,
  content: messages.content,
  inputTokens: messages.inputTokens,
  outputTokens: messages.outputTokens,
  stopped: messages.stopped,
  createdAt: messages.createdAt,
};

/** A user's chats, newest first, `limit` at a time; `nextCursor` continues after the last one. */
export async function listChats(userId: string, { limit, cursor }: { limit: number; cursor?: ChatCursor }) {
  // One more than a page tells whether there is a next one.
  const rows = cursor
    ? await newestFirst(and(eq(chats.userId, userId), olderThan(cursor))).limit(limit + 1)
    : await firstPage().execute({ userId, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { chats: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** The chats that match, as the list shows them, newest first. */
function newestFirst(where: SQL | undefined) {
  return db.select(summaryColumns).from(chats).where(where).orderBy(desc(chats.updatedAt), desc(chats.id));
}

/** The first page, which nearly every list is: built once. */
const firstPage = prepared("chats_first_page", () =>
  newestFirst(eq(chats.userId, sql.placeholder("userId"))).limit(sql.placeholder("limit")),
);

function olderThan(cursor: ChatCursor) {
  return or(lt(chats.updatedAt, cursor.updatedAt), and(eq(chats.updatedAt, cursor.updatedAt), lt(chats.id, cursor.id)));
}

/** One of the user's chats as the list shows it; null when the user has no such chat. */
export async function findChatSummary(userId: string, chatId: string) {
  const [chat] = await db
    .select(summaryColumns)
    .from(chats)
    .where(and(eq(chats.id, chatId), eq(chats.userId, userId)));
  return chat ?? null;
}

/** One of the user's chats with its messages, oldest first; null when the user has no such chat. */
export async function findChat(userId: string, chatId: string) {
  const chat = await findChatSummary(userId, chatId);
  if (!chat) return null;
  return { ...chat, messages: await messagesOf(chatId) };
}

/** The messages of one of the user's chats, oldest first; null when the user has no such chat. */
export async function listMessages(userId: string, chatId: string) {
  const chat = await findChatId(userId, chatId);
  return chat ? messagesOf(chat) : null;
}

/** Renames one of the user's chats; null when the user has no such chat. */
export async function renameChat(userId: string, chatId: string, title: string) {
  const [chat] = await db
    .update(chats)
    .set({ title })
    .where(and(eq(chats.id, chatId), eq(chats.userId, userId)))
    .returning(summaryColumns);
  return chat ?? null;
}

/**
 * Deletes one of the user's chats and its messages; false when the user has no such chat. Whether the chat's row was
 * removed by this very statement is the answer, so of concurrent deletes of one chat exactly one is true.
 */
export async function deleteChat(userId: string, chatId: string): Promise<boolean> {
  // One statement decides who deleted it: of concurrent deletes exactly one gets the row back. No transaction: on
  // SQLite each would take a connection of its own and the others would fail busy instead of finding nothing.
  const deleted = await db
    .delete(chats)
    .where(and(eq(chats.id, chatId), eq(chats.userId, userId)))
    .returning({ id: chats.id });
  if (deleted.length === 0) return false;
  // The foreign key cascades where the database enforces it; this covers a SQLite connection that does not (messages
  // of a deleted chat are unreachable meanwhile).
  await db.delete(messages).where(eq(messages.chatId, chatId));
  return true;
}

async function findChatId(userId: string, chatId: string): Promise<string | null> {
  const [chat] = await db
    .select({ id: chats.id })
    .from(chats)
    .where(and(eq(chats.id, chatId), eq(chats.userId, userId)));
  return chat?.id ?? null;
}

function messagesOf(chatId: string) {
  return db
    .select(messageColumns)
    .from(messages)
    .where(eq(messages.chatId, chatId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

export function newChatId(): string {
  return crypto.randomUUID();
}

interface Exchange {
  chatId: string;
  userId: string;
  /** Set when the exchange starts the chat: the chat is created with it. */
  newChat: { title: string; model: string } | null;
  /** The messages the user sent, in order. */
  turns: ChatTurn[];
  answer: FinishedAnswer;
}

/**
 * Stores one question-and-answer exchange in one transaction: the chat (when new), the user's messages, then the
 * assistant's answer with its token usage (and whether the user stopped it), each a millisecond after the last so
 * they read back in order. Characters the database cannot store become U+FFFD rather than losing the rest.
 */
export async function recordExchange({ chatId, userId, newChat, turns, answer }: Exchange): Promise<void> {
  const start = Date.now();
  const stamped = [
    ...turns.map((turn, index) => ({
      ...turn,
      content: storableText(turn.content),
      createdAt: new Date(start + index),
    })),
    {
      role: "assistant" as const,
      content: storableText(answer.text),
      inputTokens: answer.usage.inputTokens ?? null,
      outputTokens: answer.usage.outputTokens ?? null,
      stopped: answer.stopped ?? false,
      createdAt: new Date(start + turns.length),
    },
  ];
  const updatedAt = stamped.at(-1)!.createdAt;
  await db.transaction(async (tx) => {
    if (newChat) {
      const title = storableText(newChat.title);
      await tx.insert(chats).values({ id: chatId, userId, ...newChat, title, createdAt: new Date(start), updatedAt });
    } else {
      await tx
        .update(chats)
        .set({ updatedAt })
        .where(and(eq(chats.id, chatId), eq(chats.userId, userId)));
    }
    await tx.insert(messages).values(stamped.map((message) => ({ chatId, ...message })));
  });
}
