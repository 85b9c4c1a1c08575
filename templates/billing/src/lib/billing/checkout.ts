import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { isPlanId, type PlanId, plans } from "@/config/plans";
import type { Caller } from "@/lib/api/caller";
import { ApiError, callService } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { paymentProvider } from "./provider";
import {
  claimCustomer,
  currentSubscription,
  findCustomer,
  findCustomerId,
  recordCustomer,
  releaseCustomerClaim,
} from "./store";
import type { BillingInterval, PaidPlanId, SubscriptionStatus } from "./types";

/** How long a checkout waits for a concurrent one to make the user's customer (the provider's own timeout is 10 s). */
const CUSTOMER_WAIT_MS = 15_000;
/** How often a waiting checkout looks whether the customer is there. */
const CUSTOMER_POLL_MS = 100;
/** A claim this old belongs to a request that died before it stored the customer: another checkout takes it over. */
const CLAIM_EXPIRY_MS = 60_000;

/**
 * A checkout session for a paid plan at the chosen provider, for the caller's customer (made on first use). The plan
 * and the provider's settings for it are checked before anything is made or stored.
 */
export async function startCheckout(caller: Caller, planId: string, interval: BillingInterval) {
  const plan = paidPlan(planId);
  const current = await currentSubscription(caller.userId);
  if (current && !current.endedAt && current.plan === plan && current.status !== "canceled") {
    throw new ApiError("ALREADY_SUBSCRIBED", `You are already subscribed to ${plans[plan].name}.`, { plan });
  }
  paymentProvider.requireCheckoutSettings(plan, interval);
  const customerId = await customerFor(caller);
  return callProvider(() =>
    paymentProvider.createCheckout({
      customerId,
      userId: caller.userId,
      plan,
      interval,
      // The success page waits for this plan: the webhook that sets it may arrive a moment after the browser.
      successUrl: `${env.APP_URL}/billing/success?plan=${plan}`,
      cancelUrl: `${env.APP_URL}/billing?checkout=canceled`,
    }),
  );
}

/** A link to the provider's billing portal, for a caller who has subscribed. */
export async function openPortal(caller: Caller) {
  const customerId = await findCustomerId(caller.userId, paymentProvider.id);
  if (!customerId || !(await currentSubscription(caller.userId))) {
    throw new ApiError("NO_SUBSCRIPTION", "You have no subscription to manage yet.");
  }
  return callProvider(() => paymentProvider.createPortal({ customerId, returnUrl: `${env.APP_URL}/billing` }));
}

/** The caller's plan and subscription, as the subscription route shows them. */
export async function describeSubscription(caller: Caller): Promise<{
  plan: string;
  status: SubscriptionStatus | "none";
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
}> {
  const subscription = await currentSubscription(caller.userId);
  if (!subscription) return { plan: caller.plan, status: "none", currentPeriodEnd: null, cancelAtPeriodEnd: false };
  return {
    plan: caller.plan,
    // Stored as the adapters map the provider's statuses: one of SubscriptionStatus.
    status: subscription.endedAt ? "canceled" : (subscription.status as SubscriptionStatus),
    currentPeriodEnd: subscription.currentPeriodEnd,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
  };
}

/** The paid plan a client's id names: one of the configured plans' own ids, never an inherited property's name. */
function paidPlan(planId: string): PaidPlanId {
  if (isPlanId(planId) && planId !== "free") return planId;
  const offered = (Object.keys(plans) as PlanId[]).filter((id) => id !== "free");
  throw new ApiError("PLAN_NOT_FOUND", `No plan "${planId}" to subscribe to.`, { plans: offered });
}

/**
 * The caller's customer at the provider, made once per user however many checkouts start at once: the first claims
 * the user's row (unique per user and provider) before it calls the provider, the others wait for the id it stores.
 * A failed call releases the claim; the claim of a request that died expires.
 */
async function customerFor(caller: Caller): Promise<string> {
  const provider = paymentProvider.id;
  const deadline = Date.now() + CUSTOMER_WAIT_MS;
  for (;;) {
    const claimId = await claimCustomer(caller.userId, provider);
    if (claimId) return makeCustomer(caller, claimId);
    const existing = await findCustomer(caller.userId, provider);
    if (existing?.customerId) return existing.customerId;
    const expiry = new Date(Date.now() - CLAIM_EXPIRY_MS);
    if (existing && existing.createdAt < expiry) {
      await releaseCustomerClaim(existing.id, expiry);
      continue;
    }
    if (Date.now() > deadline) {
      throw new ApiError(
        "PROVIDER_ERROR",
        `${paymentProvider.name} is still setting up your account; try again shortly.`,
      );
    }
    if (existing) await sleep(CUSTOMER_POLL_MS);
  }
}

/** Makes the customer for the claim this request holds and stores it; a failure releases the claim. */
async function makeCustomer(caller: Caller, claimId: string): Promise<string> {
  try {
    const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, caller.userId));
    const customerId = await callProvider(() =>
      paymentProvider.createCustomer({ id: caller.userId, email: caller.email, name: user?.name ?? caller.email }),
    );
    await recordCustomer(claimId, customerId);
    return customerId;
  } catch (error) {
    await releaseCustomerClaim(claimId).catch(() => undefined);
    throw error;
  }
}

function callProvider<T>(call: () => Promise<T>): Promise<T> {
  return callService(paymentProvider.name, call);
}
