import Stripe from "stripe";
import { z } from "zod";
import { env } from "@/lib/env";
import { priceCatalog, requireSetting } from "./config";
import {
  InvalidSignatureError,
  type BillingEvent,
  type PaymentProvider,
  type SkippedWebhook,
  type SubscriptionState,
  type SubscriptionStatus,
} from "./types";
import { ignoredEvent, unreadableEvent } from "./webhook";

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

const dateOf = (seconds: number) => new Date(seconds * 1000);

/*
 * The fields the app reads from the events it handles, as the webhook endpoint's API version sends them (the SDK
 * types them but does not check them): a field Stripe adds passes, one it changes makes the event unreadable.
 */

/** An object Stripe sends as its id, or expanded (`{ id, ... }`): its id. */
const expandable = z.union([z.string(), z.object({ id: z.string() }).transform((object) => object.id)]);
/** The app's own metadata, set at checkout: the user id. */
const appMetadata = z.object({ userId: z.string().optional() });

const subscriptionSchema = z.object({
  id: z.string(),
  customer: expandable,
  metadata: appMetadata,
  status: z.string(),
  // Since API version 2025-03-31.basil the billing period lives on each item (the app's subscriptions have one).
  items: z.object({ data: z.array(z.object({ price: z.object({ id: z.string() }), current_period_end: z.number() })) }),
  cancel_at_period_end: z.boolean(),
  cancel_at: z.number().nullable(),
});

const invoiceSchema = z.object({
  customer: expandable.nullable(),
  parent: z
    .object({
      subscription_details: z.object({ subscription: expandable, metadata: appMetadata.nullable() }).nullable(),
    })
    .nullable(),
  lines: z.object({
    data: z.array(
      z.object({
        pricing: z.object({ price_details: z.object({ price: expandable }).nullish() }).nullable(),
        period: z.object({ end: z.number() }),
      }),
    ),
  }),
});

/** What every event has: its id, type and creation time. */
const eventSchema = z.object({ id: z.string(), type: z.string(), created: z.number() });
const subscriptionEvent = z.object({
  data: z.object({
    object: subscriptionSchema,
    // Set on an update, with the previous value of each field that changed.
    previous_attributes: z.object({ status: z.string().optional() }).optional(),
  }),
});
const invoiceEvent = z.object({ data: z.object({ object: invoiceSchema }) });

/**
 * A subscription as the app keeps it. A cancellation scheduled for later (`cancel_at_period_end`, or a `cancel_at`
 * date) keeps the subscription until then.
 */
function subscriptionState(subscription: z.output<typeof subscriptionSchema>): SubscriptionState {
  const item = subscription.items.data[0];
  const ended = ENDED.has(subscription.status);
  return {
    subscriptionId: subscription.id,
    customerId: subscription.customer,
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
function failedPayment(invoice: z.output<typeof invoiceSchema>): SubscriptionState | null {
  const details = invoice.parent?.subscription_details;
  if (!details || !invoice.customer) return null;
  const priceOf = (line: (typeof invoice.lines.data)[number]) => line.pricing?.price_details?.price ?? null;
  const lines = invoice.lines.data;
  const line = lines.find((candidate) => prices.planOf(priceOf(candidate)) !== null) ?? lines[0];
  return {
    subscriptionId: details.subscription,
    customerId: invoice.customer,
    userId: details.metadata?.userId ?? null,
    plan: line ? prices.planOf(priceOf(line)) : null,
    status: "past_due",
    currentPeriodEnd: line ? dateOf(line.period.end) : null,
    cancelAtPeriodEnd: false,
    ended: false,
  };
}

/**
 * The app's reading of a verified body: its event types are each read with their schema; any other type, or a body
 * that does not fit, is skipped.
 */
function billingEvent(body: unknown): BillingEvent | SkippedWebhook {
  const event = eventSchema.safeParse(body);
  if (!event.success) return unreadableEvent(idIn(body), typeIn(body), event.error);
  const { id, type, created } = event.data;
  const meta = { id, occurredAt: dateOf(created) };
  switch (type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const read = subscriptionEvent.safeParse(body);
      if (!read.success) return unreadableEvent(id, type, read.error);
      const subscription = subscriptionState(read.data.data.object);
      if (type === "customer.subscription.deleted") {
        return {
          ...meta,
          type: "subscription.canceled",
          subscription: { ...subscription, cancelAtPeriodEnd: false, ended: true },
        };
      }
      const previousStatus = read.data.data.previous_attributes?.status;
      return {
        ...meta,
        type: changeType(subscription, previousStatus, type === "customer.subscription.created"),
        subscription,
      };
    }
    case "invoice.payment_failed": {
      const read = invoiceEvent.safeParse(body);
      if (!read.success) return unreadableEvent(id, type, read.error);
      const subscription = failedPayment(read.data.data.object);
      if (!subscription) return ignoredEvent(id, type, "the invoice is not a subscription's");
      return { ...meta, type: "payment.failed", subscription };
    }
    default:
      return ignoredEvent(id, type);
  }
}

/** The body's `id` or `type` as far as it has one, for the log line of a body that is not an event at all. */
const idIn = (body: unknown) => fieldIn(body, "id") ?? "(no id)";
const typeIn = (body: unknown) => fieldIn(body, "type") ?? "unknown";
function fieldIn(body: unknown, name: string): string | undefined {
  const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The verified body as JSON, or undefined when it is none. */
function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return undefined;
  }
}

/** Stripe: Checkout for subscriptions, the customer portal, and its webhooks verified with the SDK. */
export const paymentProvider: PaymentProvider = {
  id: "stripe",
  name: "Stripe",

  requireCheckoutSettings(plan, interval) {
    stripe();
    prices.idFor(plan, interval);
  },

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
    // Verified first, on the raw body; only then is the body read (constructEvent would also throw for a verified
    // body it cannot build an event from, indistinguishable from a failure of its own).
    const verifier = Stripe.webhooks.signature;
    if (!verifier) throw new Error("The stripe SDK has no webhook signature verifier on this runtime.");
    try {
      verifier.verifyHeader(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS);
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
      throw new InvalidSignatureError(error.message);
    }
    const body = parseJson(rawBody);
    if (body === undefined) return unreadableEvent("(no id)", "unknown", "the body is not JSON");
    return billingEvent(body);
  },
};
