import DodoPayments from "dodopayments";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { priceCatalog, requireSetting } from "./config";
import {
  InvalidSignatureError,
  type BillingEvent,
  type PaymentProvider,
  type SkippedWebhook,
  type SubscriptionStatus,
} from "./types";
import { dateString, ignoredEvent, unreadableEvent } from "./webhook";

/** Each plan and interval is a Dodo subscription product, its id in DODO_PRODUCT_<PLAN>_<MONTHLY|YEARLY>. */
const products = priceCatalog("DODO_PRODUCT", env);

/** The Standard Webhooks headers Dodo signs every delivery with. */
const SIGNATURE_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

type SignatureHeaders = Record<(typeof SIGNATURE_HEADERS)[number], string>;

type EventType = DodoPayments.WebhookEventType;

/** Dodo's subscription statuses in the app's terms; one this SDK version does not know grants no plan. */
const STATUSES: Record<string, SubscriptionStatus> = {
  pending: "incomplete",
  active: "active",
  // A renewal failed: past_due while Dodo retries, on_hold once it has stopped and waits for a new payment method.
  past_due: "past_due",
  on_hold: "past_due",
  // Neither billed nor served until the merchant resumes it.
  paused: "canceled",
  cancelled: "canceled",
  expired: "canceled",
  // The mandate could not be created, so it never started.
  failed: "incomplete",
} satisfies Record<DodoPayments.SubscriptionStatus, SubscriptionStatus>;

/** The statuses in which the subscription is over now, not at the end of a period. */
const ENDED: ReadonlySet<string> = new Set<DodoPayments.SubscriptionStatus>(["cancelled", "expired", "failed"]);

/**
 * What each subscription event the app handles means to it. A failed renewal is read from subscription.past_due and
 * subscription.on_hold, not payment.failed: a payment carries its subscription's id but not its product, period or
 * status.
 */
const HANDLED: ReadonlyMap<string, BillingEvent["type"]> = new Map<EventType, BillingEvent["type"]>([
  ["subscription.active", "subscription.activated"],
  ["subscription.renewed", "subscription.updated"],
  ["subscription.updated", "subscription.updated"],
  ["subscription.plan_changed", "subscription.updated"],
  ["subscription.past_due", "payment.failed"],
  ["subscription.on_hold", "payment.failed"],
  ["subscription.cancelled", "subscription.canceled"],
  ["subscription.expired", "subscription.canceled"],
  ["subscription.failed", "subscription.canceled"],
]);

/** The event type of a verified body, as far as it has one. */
const eventSchema = z.object({ type: z.string() });

/**
 * The fields the app reads from a subscription event. The SDK verifies the signature and parses the JSON but does not
 * check it, so this does: a field Dodo adds passes, one it changes makes the event unreadable.
 */
const subscriptionEvent = z.object({
  timestamp: dateString,
  data: z.object({
    subscription_id: z.string(),
    customer: z.object({ customer_id: z.string(), metadata: z.record(z.string(), z.unknown()).nullish() }),
    metadata: z.record(z.string(), z.unknown()),
    product_id: z.string(),
    status: z.string(),
    next_billing_date: dateString.nullish(),
    cancel_at_next_billing_date: z.boolean(),
  }),
});

type DodoSubscription = z.output<typeof subscriptionEvent>["data"];

let client: DodoPayments | undefined;

/**
 * The SDK client, made on first use so that an app without a key starts and only the billing routes answer
 * NOT_CONFIGURED. No retries (a checkout is created once or fails) and a 10 s timeout on every request.
 */
function dodo(): DodoPayments {
  client ??= new DodoPayments({
    bearerToken: requireSetting("DODO_PAYMENTS_API_KEY", env.DODO_PAYMENTS_API_KEY),
    // Our base URL (a test server, a proxy) wins over the environment; null keeps the SDK from reading an env var of
    // its own (DODO_PAYMENTS_BASE_URL).
    baseURL: env.DODO_PAYMENTS_API_BASE_URL ?? null,
    environment: env.DODO_PAYMENTS_API_BASE_URL ? undefined : env.DODO_PAYMENTS_ENVIRONMENT,
    maxRetries: 0,
    timeout: 10_000,
  });
  return client;
}

let verifier: DodoPayments["webhooks"] | undefined;

/**
 * The SDK's webhook verifier. unwrap() is a method of a client but sends no request, so this client has no API key:
 * webhooks need the webhook key alone.
 */
function webhooks(): DodoPayments["webhooks"] {
  verifier ??= new DodoPayments({ bearerToken: "" }).webhooks;
  return verifier;
}

/** Dodo Payments: customers, hosted checkout sessions and the customer portal, with Standard Webhooks events. */
export const paymentProvider: PaymentProvider = {
  id: "dodo",
  name: "Dodo Payments",

  requireCheckoutSettings(plan, interval) {
    dodo();
    products.idFor(plan, interval);
  },

  async createCustomer(user) {
    const customer = await dodo().customers.create({
      email: user.email,
      name: user.name,
      metadata: { userId: user.id },
    });
    return customer.customer_id;
  },

  async createCheckout({ customerId, userId, plan, interval, successUrl, cancelUrl }) {
    // Dodo copies the session's metadata onto the subscription it creates, so every subscription event carries both.
    const session = await dodo().checkoutSessions.create({
      product_cart: [{ product_id: products.idFor(plan, interval), quantity: 1 }],
      customer: { customer_id: customerId },
      return_url: successUrl,
      cancel_url: cancelUrl,
      metadata: { userId, plan },
    });
    if (!session.checkout_url) throw new ApiError("PROVIDER_ERROR", "Dodo Payments created a checkout without a URL.");
    return { url: session.checkout_url, sessionId: session.session_id };
  },

  async createPortal({ customerId, returnUrl }) {
    const session = await dodo().customers.customerPortal.create(customerId, { return_url: returnUrl });
    return { url: session.link };
  },

  async parseWebhook(rawBody, headers) {
    const key = requireSetting("DODO_PAYMENTS_WEBHOOK_KEY", env.DODO_PAYMENTS_WEBHOOK_KEY);
    const signed = signatureHeaders(headers);
    const id = signed["webhook-id"];
    let body: unknown;
    try {
      body = webhooks().unwrap(rawBody, { headers: signed, key });
    } catch (error) {
      // The SDK verifies with standardwebhooks, which names its refusals so; then it parses the JSON, whose failure
      // is a verified body that is not JSON. Anything else (a malformed key) is ours.
      if (error instanceof Error && error.name === "WebhookVerificationError") {
        throw new InvalidSignatureError(error.message);
      }
      if (error instanceof SyntaxError) return unreadableEvent(id, "unknown", `the body is not JSON: ${error.message}`);
      throw error;
    }
    return toBillingEvent(id, body);
  },
};

/**
 * The three signature headers. unwrap() skips verification altogether when it is given no headers, so it always gets
 * these, and a delivery without one of them is refused here.
 */
function signatureHeaders(headers: Headers): SignatureHeaders {
  const found: Partial<SignatureHeaders> = {};
  for (const name of SIGNATURE_HEADERS) {
    const value = headers.get(name);
    if (!value) throw new InvalidSignatureError(`The ${name} header is missing.`);
    found[name] = value;
  }
  return found as SignatureHeaders;
}

/** The app's reading of a verified event: each type it handles is read with the schema; the rest are skipped. */
function toBillingEvent(id: string, body: unknown): BillingEvent | SkippedWebhook {
  const event = eventSchema.safeParse(body);
  if (!event.success) return unreadableEvent(id, "unknown", event.error);
  const { type } = event.data;
  const billingType = HANDLED.get(type);
  if (!billingType) return ignoredEvent(id, type);
  const read = subscriptionEvent.safeParse(body);
  if (!read.success) return unreadableEvent(id, type, read.error);
  const subscription = read.data.data;
  return {
    id,
    occurredAt: read.data.timestamp,
    type: billingType,
    subscription: {
      subscriptionId: subscription.subscription_id,
      customerId: subscription.customer.customer_id,
      userId: userIdOf(subscription),
      plan: products.planOf(subscription.product_id),
      status: STATUSES[subscription.status] ?? "incomplete",
      currentPeriodEnd: subscription.next_billing_date ?? null,
      // Cancelling in the portal sets this and keeps the subscription active; subscription.cancelled comes at the end.
      cancelAtPeriodEnd: subscription.cancel_at_next_billing_date,
      ended: ENDED.has(subscription.status),
    },
  };
}

/** The user id the checkout put in the subscription's metadata, else the one createCustomer put on the customer. */
function userIdOf(subscription: DodoSubscription): string | null {
  const userId = subscription.metadata.userId ?? subscription.customer.metadata?.userId;
  return typeof userId === "string" ? userId : null;
}
