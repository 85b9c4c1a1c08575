import { and, desc, eq } from "drizzle-orm";
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

/** One of the user's uploads; undefined for another user's or an unknown one (the caller answers 404 either way). */
export async function findUpload(userId: string, id: string) {
  const [row] = await db
    .select(fileColumns)
    .from(uploads)
    .where(and(eq(uploads.id, id), eq(uploads.userId, userId)));
  return row;
}

/** The user's uploads that arrived as declared, newest first. */
export function listCompleteUploads(userId: string) {
  return db
    .select(fileColumns)
    .from(uploads)
    .where(and(eq(uploads.userId, userId), eq(uploads.status, "complete")))
    .orderBy(desc(uploads.createdAt));
}

export async function markUpload(id: string, status: "complete" | "failed"): Promise<void> {
  await db
    .update(uploads)
    .set({ status, completedAt: status === "complete" ? new Date() : null })
    .where(eq(uploads.id, id));
}

export async function deleteUpload(id: string): Promise<void> {
  await db.delete(uploads).where(eq(uploads.id, id));
}
