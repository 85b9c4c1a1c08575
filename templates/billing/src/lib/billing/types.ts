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

/**
 * A verified webhook the app does not act on. It is answered 2xx all the same: a provider retries any other answer
 * until it disables the endpoint.
 */
export interface SkippedWebhook {
  /** The provider's id for this delivery (or event), as far as the headers or the body tell. */
  id: string;
  /** The event type the provider sent, or "unknown" when the body names none. */
  type: string;
  /**
   * `ignored`: a type the app has no use for (or one whose object is none of the app's). `unreadable`: a type the app
   * handles whose body does not have the fields it reads as it reads them: the provider changed them.
   */
  skipped: "ignored" | "unreadable";
  /** Why, for the log: which field did not fit, or what the app does not handle. */
  reason: string;
}

/** One payment provider behind the app's billing routes; `src/lib/billing/provider.ts` is the chosen one. */
export interface PaymentProvider {
  readonly id: string;
  readonly name: string;
  /**
   * Throws NOT_CONFIGURED naming the setting a checkout for this plan and interval lacks (the API key, its price):
   * called before a customer is made for the checkout, which then could not go ahead.
   */
  requireCheckoutSettings(plan: PaidPlanId, interval: BillingInterval): void;
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
   * Verifies a webhook on its raw body with the provider's own scheme, then reads the event types the app handles,
   * each with the schema of the fields it uses. Throws InvalidSignatureError for a missing, wrong or stale signature;
   * a verified event of another type, or one whose body does not fit its schema, is a SkippedWebhook.
   */
  parseWebhook(rawBody: string, headers: Headers): Promise<BillingEvent | SkippedWebhook>;
}

/** A webhook whose signature is missing, wrong or too old. */
export class InvalidSignatureError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "InvalidSignatureError";
  }
}
