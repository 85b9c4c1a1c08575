import { boolean, index, integer, table, text } from "../columns";
import { createdAt, updatedAt } from "../timestamps";
import { users } from "./auth";

export const chats = table(
  "chats",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    model: text("model").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (columns) => [index("chats_user_id_updated_at_idx").on(columns.userId, columns.updatedAt)],
);

export const messageRoles = ["system", "user", "assistant"] as const;

export const messages = table(
  "messages",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    chatId: text("chat_id")
      .notNull()
      .references(() => chats.id, { onDelete: "cascade" }),
    role: text("role", { enum: messageRoles }).notNull(),
    content: text("content").notNull(),
    /** Token usage the provider reported for an assistant answer. */
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    /** The user stopped this answer: `content` is what they were shown of it. */
    stopped: boolean("stopped").notNull().default(false),
    createdAt: createdAt(),
  },
  (columns) => [index("messages_chat_id_created_at_idx").on(columns.chatId, columns.createdAt)],
);
