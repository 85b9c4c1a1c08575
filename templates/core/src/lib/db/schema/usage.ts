import { index, integer, table, text, timestamp } from "../columns";
import { updatedAt } from "../timestamps";
import { users } from "./auth";

/**
 * AI tokens each user spent in each allowance period: one row per user and period (its id says which), added to in
 * one statement after every answer, so concurrent answers on several instances never lose a count.
 */
export const aiUsage = table(
  "ai_usage",
  {
    /** `<user id>:<period start, ISO>`. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    periodStart: timestamp("period_start").notNull(),
    tokens: integer("tokens").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (columns) => [index("ai_usage_user_id_idx").on(columns.userId)],
);
