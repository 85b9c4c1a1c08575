import Stripe from "stripe";
import { env } from "@/lib/env";
import { priceCatalog, requireSetting } from "./config";
import {
  InvalidSignatureError,
  type BillingEvent,
  type PaymentProvider,
  type SubscriptionState,
  type SubscriptionStatus,
} from "./types";

/** The Stripe price of each plan and interval (STRIPE_PRICE_PRO_MONTHLY...), and the plan a price is. */
const prices = priceCatalog("STRIPE_PRICE", env);

/** A checkout or portal request gives up after this, rather than holding the user's request open. */
const REQUEST_TIMEOUT_MS = 10_000;
/** How old a webhook's signature may be (Stripe's default): an older one is refused as a possible replay. */
const WEBHOOK_TOLERANCE_SECONDS = 300;

let client: Stripe | undefined;

/** The API client, made on first use: without STRIPE_SECRET_KEY only the routes that call Stripe answer 503. */
function stripe(): Stripe {
  client ??= new Stripe(requireSetting("STRIPE_SECRET_KEY", env.STRIPE_SECRET_KEY), {
    maxNetworkRetries: 0,
    timeout: REQUEST_TIMEOUT_MS,
    ...apiAddress(env.STRIPE_API_BASE_URL),
  });
  return client;
}

/** STRIPE_API_BASE_URL as the SDK's host, port and protocol (it always appends /v1/); unset: api.stripe.com. */
function apiAddress(baseUrl: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!baseUrl) return {};
  const url = new URL(baseUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

/**
 * Stripe's statuses in the app's terms. `unpaid` (retries exhausted, no more attempts) and `paused` (a trial ended
 * without a payment method) wait for a payment like `incomplete`, and like it grant no plan; an unknown one neither.
 */
const STATUSES: Record<string, SubscriptionStatus> = {
  active: "active",
  trialing: "trialing",
  past_due: "past_due",
  canceled: "canceled",
  incomplete_expired: "canceled",
  incomplete: "incomplete",
  unpaid: "incomplete",
  paused: "incomplete",
};

/** The statuses that mean Stripe has ended the subscription for good. */
const ENDED = new Set(["canceled", "incomplete_expired"]);

const idOf = (value: string | { id: string }) => (typeof value === "string" ? value : value.id);
const dateOf = (seconds: number) => new Date(seconds * 1000);

/**
 * A subscription as the app keeps it. Since API version 2025-03-31.basil the billing period lives on each item (the
 * app's subscriptions have one). A cancellation scheduled for later (`cancel_at_period_end`, or a `cancel_at` date)
 * keeps the subscription until then.
 */
function subscriptionState(subscription: Stripe.Subscription): SubscriptionState {
  const item = subscription.items.data[0];
  const ended = ENDED.has(subscription.status);
  return {
    subscriptionId: subscription.id,
    customerId: idOf(subscription.customer),
    userId: subscription.metadata.userId ?? null,
    plan: prices.planOf(item?.price.id),
    status: STATUSES[subscription.status] ?? "incomplete",
    currentPeriodEnd: item ? dateOf(item.current_period_end) : null,
    cancelAtPeriodEnd: !ended && (subscription.cancel_at_period_end || subscription.cancel_at !== null),
    ended,
  };
}

const entitled = (status: SubscriptionStatus | undefined) => status === "active" || status === "trialing";

/**
 * The event a subscription's creation or change is: it activates when it becomes active or trialing, from nothing
 * or from a status that was neither (`previousStatus` is set only when the status changed).
 */
function changeType(
  state: SubscriptionState,
  previousStatus: string | undefined,
  created: boolean,
): BillingEvent["type"] {
  if (state.ended) return "subscription.canceled";
  const before = created ? undefined : previousStatus === undefined ? state.status : STATUSES[previousStatus];
  return entitled(state.status) && !entitled(before) ? "subscription.activated" : "subscription.updated";
}

/**
 * A failed payment of a subscription's invoice: the invoice names its subscription under
 * `parent.subscription_details` (with a snapshot of its metadata), and its line of the app's price carries the
 * period being paid for. Null for an invoice that is not a subscription's.
 */
function failedPayment(invoice: Stripe.Invoice): SubscriptionState | null {
  const details = invoice.parent?.subscription_details;
  if (!details || !invoice.customer) return null;
  const priceOf = (line: Stripe.InvoiceLineItem) => {
    const price = line.pricing?.price_details?.price;
    return price ? idOf(price) : null;
  };
  const lines = invoice.lines.data;
  const line = lines.find((candidate) => prices.planOf(priceOf(candidate)) !== null) ?? lines[0];
  return {
    subscriptionId: idOf(details.subscription),
    customerId: idOf(invoice.customer),
    userId: details.metadata?.userId ?? null,
    plan: line ? prices.planOf(priceOf(line)) : null,
    status: "past_due",
    currentPeriodEnd: line ? dateOf(line.period.end) : null,
    cancelAtPeriodEnd: false,
    ended: false,
  };
}

/** The app's reading of a verified event; null for the events it does not act on. */
function billingEvent(event: Stripe.Event): BillingEvent | null {
  const meta = { id: event.id, occurredAt: dateOf(event.created) };
  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated": {
      const subscription = subscriptionState(event.data.object);
      const previousStatus = event.data.previous_attributes?.status;
      const type = changeType(subscription, previousStatus, event.type === "customer.subscription.created");
      return { ...meta, type, subscription };
    }
    case "customer.subscription.deleted":
      return {
        ...meta,
        type: "subscription.canceled",
        subscription: { ...subscriptionState(event.data.object), cancelAtPeriodEnd: false, ended: true },
      };
    case "invoice.payment_failed": {
      const subscription = failedPayment(event.data.object);
      return subscription ? { ...meta, type: "payment.failed", subscription } : null;
    }
    default:
      return null;
  }
}

/** Stripe: Checkout for subscriptions, the customer portal, and its webhooks verified with the SDK. */
export const paymentProvider: PaymentProvider = {
  id: "stripe",
  name: "Stripe",

  async createCustomer(user) {
    const customer = await stripe().customers.create({
      email: user.email,
      name: user.name,
      metadata: { userId: user.id },
    });
    return customer.id;
  },

  async createCheckout({ customerId, userId, plan, interval, successUrl, cancelUrl }) {
    const price = prices.idFor(plan, interval);
    const metadata = { userId, plan };
    const session = await stripe().checkout.sessions.create({
      mode: "subscription",
      customer: customerId,
      client_reference_id: userId,
      line_items: [{ price, quantity: 1 }],
      metadata,
      // Stripe copies these onto the subscription, so every subscription event names the user.
      subscription_data: { metadata },
      success_url: successUrl,
      cancel_url: cancelUrl,
    });
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL.`);
    return { url: session.url, sessionId: session.id };
  },

  async createPortal({ customerId, returnUrl }) {
    const session = await stripe().billingPortal.sessions.create({ customer: customerId, return_url: returnUrl });
    return { url: session.url };
  },

  async parseWebhook(rawBody, headers) {
    const secret = requireSetting("STRIPE_WEBHOOK_SECRET", env.STRIPE_WEBHOOK_SECRET);
    const signature = headers.get("stripe-signature");
    if (!signature) throw new InvalidSignatureError("The Stripe-Signature header is missing.");
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS);
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
      throw new InvalidSignatureError(error.message);
    }
    return billingEvent(event);
  },
};
