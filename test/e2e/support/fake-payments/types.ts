import type { ProviderId } from "../../../../src/providers/index.js";

/** One webhook delivery as the provider would POST it: its headers (signature included) and its raw body. */
export interface WebhookDelivery {
  headers: Record<string, string>;
  body: string;
}

/** A change to a subscription that the provider reports with a webhook. */
export type SubscriptionChange =
  /** Renewed: active, the period end moves one interval on. */
  | "renewed"
  /** The customer canceled in the portal: still active until the period ends. */
  | "cancel_at_period_end"
  /** The subscription has ended: access ends now. */
  | "ended"
  /** A renewal payment failed: past due, not ended. */
  | "payment_failed";

/**
 * A local stand-in for a payment provider: the subset of its REST API the app's adapter calls, with the provider's
 * real response shapes and error format, and webhooks signed with the provider's real scheme.
 */
export interface FakePaymentProvider {
  /** Every payment provider the CLI offers (see index.ts). */
  readonly kind: Exclude<ProviderId<"payments">, "none">;
  readonly baseUrl: string;
  /** The env vars that point the generated app at this fake: API key, webhook secret, price/product ids, base URL. */
  readonly appEnv: Record<string, string>;
  /** The headers that carry the signature (each one's absence must be refused). */
  readonly signatureHeaders: readonly string[];
  /** While true, every API request answers the provider's 500 error (the provider is down). */
  failing: boolean;
  /** Every API request the app made, in order. */
  readonly calls: { method: string; path: string; body: unknown }[];
  /**
   * The customer pays the checkout session `sessionId` (one the app created through the API): the subscription is
   * made, and the signed deliveries the provider sends for it are returned in order (not sent).
   */
  completeCheckout(sessionId: string): { subscriptionId: string; deliveries: WebhookDelivery[] };
  /** A signed delivery reporting a change to a subscription, as of `at` (default now), with a fresh event id. */
  subscriptionEvent(subscriptionId: string, change: SubscriptionChange, options?: { at?: Date }): WebhookDelivery;
  /**
   * A signed delivery, as of now, of an event type the app does not handle (Stripe: customer.updated, Polar:
   * benefit.created, Dodo: payment.succeeded). The app must answer 2xx and change nothing.
   */
  unhandledEvent(subscriptionId: string): WebhookDelivery;
  /**
   * A signed delivery, as of now, ending a subscription with an event type the app handles, whose body has one field
   * the adapter reads in a shape the provider never sent (as when it changes its schema). The app must answer 2xx and
   * change nothing: applied, it would end the subscription.
   */
  driftedEvent(subscriptionId: string): WebhookDelivery;
  /** Signature headers for a body, signed now or at `timestamp`, with the app's secret or another one. */
  sign(body: string, options?: { timestamp?: Date; secret?: string }): Record<string, string>;
  close(): Promise<void>;
}
