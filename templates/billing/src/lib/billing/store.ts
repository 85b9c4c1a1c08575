import { and, desc, eq, inArray, isNull, lt, lte } from "drizzle-orm";
import { type PlanId, planRank } from "@/config/plans";
import { db } from "@/lib/db/client";
import { billingCustomers, subscriptions, users, webhookEvents } from "@/lib/db/schema";
import type { BillingEvent, PaidPlanId } from "./types";

/** Statuses that keep a subscription's plan (a failed renewal keeps it until the provider ends the subscription). */
const PLAN_GRANTING = ["active", "trialing", "past_due"];

type Transaction = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** The user's customer row for the provider: its customer id is null while their first checkout makes it. */
export async function findCustomer(userId: string, provider: string) {
  const [row] = await db
    .select({ id: billingCustomers.id, customerId: billingCustomers.customerId, createdAt: billingCustomers.createdAt })
    .from(billingCustomers)
    .where(and(eq(billingCustomers.userId, userId), eq(billingCustomers.provider, provider)));
  return row;
}

/** The user's customer id at the provider, or undefined before their first checkout has made it. */
export async function findCustomerId(userId: string, provider: string): Promise<string | undefined> {
  return (await findCustomer(userId, provider))?.customerId ?? undefined;
}

/**
 * Claims the making of the user's customer: the claim's id, or undefined when another request holds the claim or the
 * customer is made. The unique index on user and provider lets one insert win, in SQLite and PostgreSQL alike.
 */
export async function claimCustomer(userId: string, provider: string): Promise<string | undefined> {
  const [claim] = await db
    .insert(billingCustomers)
    .values({ userId, provider, customerId: null })
    .onConflictDoNothing()
    .returning({ id: billingCustomers.id });
  return claim?.id;
}

/** Stores the customer the holder of a claim made. */
export async function recordCustomer(claimId: string, customerId: string): Promise<void> {
  await db.update(billingCustomers).set({ customerId }).where(eq(billingCustomers.id, claimId));
}

/**
 * Drops a claim whose customer was not made: its request failed, or (made before `madeBefore`) it died. A claim that
 * has its customer by now stays.
 */
export async function releaseCustomerClaim(claimId: string, madeBefore?: Date): Promise<void> {
  await db
    .delete(billingCustomers)
    .where(
      and(
        eq(billingCustomers.id, claimId),
        isNull(billingCustomers.customerId),
        madeBefore && lt(billingCustomers.createdAt, madeBefore),
      ),
    );
}

/** The user's newest subscription that has not ended, else their newest one; undefined if they never subscribed. */
export async function currentSubscription(userId: string) {
  const rows = await db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .orderBy(desc(subscriptions.syncedAt));
  return rows.find((row) => !row.endedAt) ?? rows[0];
}

export type EventOutcome = "applied" | "duplicate" | "stale" | "unmatched";

let queue: Promise<unknown> = Promise.resolve();

/**
 * Applies a verified event once: its id is recorded in the same transaction as its effect (the subscription row and
 * the user's plan), so a repeat delivery changes nothing, and an event older than the stored state is recorded but
 * not applied. Events are applied one at a time in this process.
 */
export function applyBillingEvent(provider: string, event: BillingEvent): Promise<EventOutcome> {
  const next = queue.then(() => db.transaction((tx) => applyInTransaction(tx, provider, event)));
  queue = next.catch(() => undefined);
  return next;
}

async function applyInTransaction(tx: Transaction, provider: string, event: BillingEvent): Promise<EventOutcome> {
  const [recorded] = await tx
    .insert(webhookEvents)
    .values({ id: `${provider}:${event.id}`, type: event.type, occurredAt: event.occurredAt })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  if (!recorded) return "duplicate";

  const state = event.subscription;
  const [known] = await tx
    .select({ userId: subscriptions.userId, plan: subscriptions.plan })
    .from(subscriptions)
    .where(and(eq(subscriptions.provider, provider), eq(subscriptions.subscriptionId, state.subscriptionId)));
  const userId = await existingUser(
    tx,
    state.userId ?? known?.userId ?? (await customerOwner(tx, provider, state.customerId)),
  );
  const plan = state.plan ?? (known?.plan as PaidPlanId | undefined);
  if (!userId || !plan) return "unmatched";

  const values = {
    plan,
    status: event.type === "payment.failed" ? "past_due" : state.status,
    currentPeriodEnd: state.currentPeriodEnd,
    cancelAtPeriodEnd: state.cancelAtPeriodEnd,
    endedAt: state.ended ? event.occurredAt : null,
    syncedAt: event.occurredAt,
  };
  const [written] = await tx
    .insert(subscriptions)
    .values({ ...values, userId, provider, customerId: state.customerId, subscriptionId: state.subscriptionId })
    .onConflictDoUpdate({
      target: [subscriptions.provider, subscriptions.subscriptionId],
      set: values,
      setWhere: lte(subscriptions.syncedAt, event.occurredAt),
    })
    .returning({ userId: subscriptions.userId });
  if (!written) return "stale";
  await tx
    .update(users)
    .set({ plan: await grantedPlan(tx, written.userId) })
    .where(eq(users.id, written.userId));
  return "applied";
}

/** The highest plan among the user's subscriptions that have not ended; Free without one. */
async function grantedPlan(tx: Transaction, userId: string): Promise<PlanId> {
  const rows = await tx
    .select({ plan: subscriptions.plan })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, userId),
        isNull(subscriptions.endedAt),
        inArray(subscriptions.status, PLAN_GRANTING),
      ),
    );
  const ranks = rows.map((row) => planRank.indexOf(row.plan as PlanId)).filter((rank) => rank >= 0);
  return planRank[Math.max(0, ...ranks)] ?? "free";
}

async function customerOwner(tx: Transaction, provider: string, customerId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ userId: billingCustomers.userId })
    .from(billingCustomers)
    .where(and(eq(billingCustomers.provider, provider), eq(billingCustomers.customerId, customerId)));
  return row?.userId;
}

/** The id when such a user exists (an event may name a user deleted since). */
async function existingUser(tx: Transaction, userId: string | undefined): Promise<string | undefined> {
  if (!userId) return undefined;
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row?.id;
}

/** A paying user's AI allowance renews on their billing day: the end of their live subscription's period, if any. */
export async function billingPeriodEnd(userId: string): Promise<Date | undefined> {
  const [live] = await db
    .select({ end: subscriptions.currentPeriodEnd })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, userId),
        inArray(subscriptions.status, PLAN_GRANTING),
        isNull(subscriptions.endedAt),
      ),
    )
    .orderBy(desc(subscriptions.syncedAt))
    .limit(1);
  return live?.end ?? undefined;
}
