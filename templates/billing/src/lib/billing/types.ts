import type { PlanId } from "@/config/plans";

/** The plans a user pays for. */
export type PaidPlanId = Exclude<PlanId, "free">;
export type BillingInterval = "month" | "year";

/** A subscription's status, as the app keeps it whatever the provider calls it. */
export type SubscriptionStatus = "active" | "trialing" | "past_due" | "canceled" | "incomplete";

/** What an event says of a subscription, in the app's terms. */
export interface SubscriptionState {
  /** The provider's subscription id. */
  subscriptionId: string;
  /** The provider's customer id. */
  customerId: string;
  /** The app's user id, when the event carries it (metadata, client reference or external customer id). */
  userId: string | null;
  /** The plan its price or product is, or null when it is none of this app's. */
  plan: PaidPlanId | null;
  status: SubscriptionStatus;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  /** The provider says it has ended: access ends now, not at the period's end. */
  ended: boolean;
}

/** A verified webhook, in the app's terms. */
export interface BillingEvent {
  /** The provider's id for this event (a repeat delivery has the same one). */
  id: string;
  /** When the provider produced it: an older event never overrides a newer one. */
  occurredAt: Date;
  type: "subscription.activated" | "subscription.updated" | "subscription.canceled" | "payment.failed";
  subscription: SubscriptionState;
}

/** One payment provider behind the app's billing routes; `src/lib/billing/provider.ts` is the chosen one. */
export interface PaymentProvider {
  readonly id: string;
  readonly name: string;
  /** Makes the provider's customer for a user; called once per user (the id is stored and reused). */
  createCustomer(user: { id: string; email: string; name: string }): Promise<string>;
  createCheckout(input: {
    customerId: string;
    userId: string;
    plan: PaidPlanId;
    interval: BillingInterval;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ url: string; sessionId: string }>;
  createPortal(input: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
  /**
   * Verifies a webhook on its raw body with the provider's own scheme and reads it. Throws InvalidSignatureError for
   * a missing, wrong or stale signature; null for a verified event the app has no use for.
   */
  parseWebhook(rawBody: string, headers: Headers): Promise<BillingEvent | null>;
}

/** A webhook whose signature is missing, wrong or too old. */
export class InvalidSignatureError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "InvalidSignatureError";
  }
}
