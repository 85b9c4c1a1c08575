import { boolean, index, table, text, timestamp, uniqueIndex } from "../columns";
import { createdAt, updatedAt } from "../timestamps";
import { users } from "./auth";

/**
 * Each user's customer at the payment provider: made on their first checkout, then reused. The row is claimed before
 * the provider is called (one per user and provider), so concurrent first checkouts make one customer.
 */
export const billingCustomers = table(
  "billing_customers",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    /** Null while the first checkout makes the customer: a claim, made at `createdAt`. */
    customerId: text("customer_id"),
    createdAt: createdAt(),
  },
  (columns) => [
    uniqueIndex("billing_customers_user_provider_idx").on(columns.userId, columns.provider),
    index("billing_customers_customer_idx").on(columns.provider, columns.customerId),
  ],
);

/** Subscriptions as the provider's webhooks last described them. */
export const subscriptions = table(
  "subscriptions",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    customerId: text("customer_id").notNull(),
    subscriptionId: text("subscription_id").notNull(),
    plan: text("plan").notNull(),
    status: text("status").notNull(),
    currentPeriodEnd: timestamp("current_period_end"),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    /** When the provider ended it: access ended then. */
    endedAt: timestamp("ended_at"),
    /** The provider's time of the newest event applied: an older event never overrides it. */
    syncedAt: timestamp("synced_at").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (columns) => [
    uniqueIndex("subscriptions_provider_subscription_idx").on(columns.provider, columns.subscriptionId),
    index("subscriptions_user_id_idx").on(columns.userId),
  ],
);

/** Every webhook event applied, by provider and event id: a repeat delivery finds its id here and changes nothing. */
export const webhookEvents = table("webhook_events", {
  /** `<provider>:<event id>`. */
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  occurredAt: timestamp("occurred_at").notNull(),
  receivedAt: createdAt(),
});
