import { and, desc, eq, gte, inArray, lt, ne, or, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { uploads } from "@/lib/db/schema";

const fileColumns = {
  id: uploads.id,
  key: uploads.key,
  filename: uploads.filename,
  contentType: uploads.contentType,
  size: uploads.size,
  status: uploads.status,
  createdAt: uploads.createdAt,
  completedAt: uploads.completedAt,
};

export type UploadRecord = NonNullable<Awaited<ReturnType<typeof findUpload>>>;

/** Records an upload as pending: declared, not yet arrived. */
export async function createUpload(values: {
  userId: string;
  key: string;
  filename: string;
  contentType: string;
  size: number;
}) {
  const [row] = await db.insert(uploads).values(values).returning(fileColumns);
  return row!;
}

/**
 * One of the user's uploads, deleted ones aside; undefined for another user's or an unknown one (the caller answers
 * 404 either way).
 */
export async function findUpload(userId: string, id: string) {
  const [row] = await db
    .select(fileColumns)
    .from(uploads)
    .where(and(eq(uploads.id, id), eq(uploads.userId, userId), ne(uploads.status, "deleted")));
  return row;
}

/** Whether an upload still waits for the bytes of `key`: not completed, failed or deleted. */
export async function awaitsBytes(key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(eq(uploads.key, key), eq(uploads.status, "pending")));
  return row !== undefined;
}

/** The user's uploads that arrived as declared, and those started since `pendingSince` that may have: newest first. */
export function listLiveUploads(userId: string, pendingSince: Date) {
  return db
    .select(fileColumns)
    .from(uploads)
    .where(and(eq(uploads.userId, userId), kept(pendingSince)))
    .orderBy(desc(uploads.createdAt));
}

/** The bytes a user keeps: their files, and the uploads started since `pendingSince` (older ones are swept). */
export async function keptBytes(userId: string, pendingSince: Date): Promise<number> {
  const [row] = await db
    .select({ total: sql<string | number | null>`sum(${uploads.size})` })
    .from(uploads)
    .where(and(eq(uploads.userId, userId), kept(pendingSince)));
  return Number(row?.total ?? 0);
}

/** Uploads a user keeps: those that arrived, and those started since `pendingSince` (still arriving, perhaps). */
function kept(pendingSince: Date) {
  return or(eq(uploads.status, "complete"), and(eq(uploads.status, "pending"), gte(uploads.createdAt, pendingSince)));
}

export async function markUpload(id: string, status: "complete" | "failed" | "deleted"): Promise<void> {
  await db
    .update(uploads)
    .set({ status, completedAt: status === "complete" ? new Date() : null })
    .where(eq(uploads.id, id));
}

/** Up to `limit` uploads started before `before` that never completed: pending, failed or deleted. */
export function unfinishedUploads(before: Date, limit: number) {
  return db
    .select(fileColumns)
    .from(uploads)
    .where(and(inArray(uploads.status, ["pending", "failed", "deleted"]), lt(uploads.createdAt, before)))
    .limit(limit);
}

export async function deleteUploads(ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(uploads).where(inArray(uploads.id, ids));
}
