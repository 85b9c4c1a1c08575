import { eq } from "drizzle-orm";
import { type PlanId, plans } from "@/config/plans";
import type { Caller } from "@/lib/api/caller";
import { ApiError, callService } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { paymentProvider } from "./provider";
import { currentSubscription, findCustomerId, saveCustomerId } from "./store";
import type { BillingInterval, PaidPlanId } from "./types";

/** A checkout session for a paid plan at the chosen provider, for the caller's customer (made on first use). */
export async function startCheckout(caller: Caller, planId: string, interval: BillingInterval) {
  const plan = paidPlan(planId);
  const current = await currentSubscription(caller.userId);
  if (current && !current.endedAt && current.plan === plan && current.status !== "canceled") {
    throw new ApiError("ALREADY_SUBSCRIBED", `You are already subscribed to ${plans[plan].name}.`, { plan });
  }
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
export async function describeSubscription(caller: Caller) {
  const subscription = await currentSubscription(caller.userId);
  if (!subscription) return { plan: caller.plan, status: "none", currentPeriodEnd: null, cancelAtPeriodEnd: false };
  return {
    plan: caller.plan,
    status: subscription.endedAt ? "canceled" : subscription.status,
    currentPeriodEnd: subscription.currentPeriodEnd,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
  };
}

function paidPlan(planId: string): PaidPlanId {
  if (planId in plans && planId !== "free") return planId as PaidPlanId;
  const offered = (Object.keys(plans) as PlanId[]).filter((id) => id !== "free");
  throw new ApiError("PLAN_NOT_FOUND", `No plan "${planId}" to subscribe to.`, { plans: offered });
}

async function customerFor(caller: Caller): Promise<string> {
  const known = await findCustomerId(caller.userId, paymentProvider.id);
  if (known) return known;
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, caller.userId));
  const customerId = await callProvider(() =>
    paymentProvider.createCustomer({ id: caller.userId, email: caller.email, name: user?.name ?? caller.email }),
  );
  return saveCustomerId(caller.userId, paymentProvider.id, customerId);
}

function callProvider<T>(call: () => Promise<T>): Promise<T> {
  return callService(paymentProvider.name, call);
}
