import { index, integer, table, text, timestamp } from "../columns";
import { createdAt, updatedAt } from "../timestamps";
import { users } from "./auth";

/**
 * `pending`: declared, its bytes not checked yet; `complete`: arrived as declared; `failed`: arrived otherwise (the
 * bytes are deleted); `deleted`: deleted by its owner while its upload URL may still be used, kept until the sweep
 * removes whatever a late PUT stored.
 */
export const uploadStatuses = ["pending", "complete", "failed", "deleted"] as const;

/** Every upload a user started: what they declared, where it is stored, and whether it arrived as declared. */
export const uploads = table(
  "uploads",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** `<user id>/<random id>/<safe name>`: where the bytes are in storage. */
    key: text("key").notNull().unique(),
    /** The name to show and to download as (cleaned of control characters, not a path). */
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    status: text("status", { enum: uploadStatuses }).notNull().default("pending"),
    completedAt: timestamp("completed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (columns) => [
    index("uploads_user_id_created_at_idx").on(columns.userId, columns.createdAt),
    index("uploads_status_created_at_idx").on(columns.status, columns.createdAt),
  ],
);
