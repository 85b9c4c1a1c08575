import { boolean, index, integer, table, text, timestamp } from "../columns";
import { createdAt, updatedAt } from "../timestamps";
import { users } from "./auth";

/** Better Auth's API keys. `key` holds only the key's hash; the key itself is shown once, when it is created. */
export const apiKeys = table(
  "api_keys",
  {
    id: text("id").primaryKey(),
    configId: text("config_id").notNull().default("default"),
    name: text("name"),
    start: text("start"),
    prefix: text("prefix"),
    key: text("key").notNull(),
    referenceId: text("reference_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    refillInterval: integer("refill_interval"),
    refillAmount: integer("refill_amount"),
    lastRefillAt: timestamp("last_refill_at"),
    enabled: boolean("enabled").default(true),
    rateLimitEnabled: boolean("rate_limit_enabled").default(true),
    rateLimitTimeWindow: integer("rate_limit_time_window"),
    rateLimitMax: integer("rate_limit_max"),
    requestCount: integer("request_count").default(0),
    remaining: integer("remaining"),
    lastRequest: timestamp("last_request"),
    expiresAt: timestamp("expires_at"),
    permissions: text("permissions"),
    metadata: text("metadata"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (columns) => [
    index("api_keys_key_idx").on(columns.key),
    index("api_keys_reference_id_idx").on(columns.referenceId),
    index("api_keys_config_id_idx").on(columns.configId),
  ],
);
