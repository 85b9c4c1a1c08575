import { createPolar, type models, type Polar, webhooks } from "@polar-sh/sdk/2026-10";
import { z } from "zod";
import { env } from "@/lib/env";
import { priceCatalog, requireSetting } from "./config";
import {
  InvalidSignatureError,
  type BillingEvent,
  type PaymentProvider,
  type SubscriptionState,
  type SubscriptionStatus,
} from "./types";
import { dateString, ignoredEvent, unreadableEvent } from "./webhook";

/** Each plan and interval is a Polar product (POLAR_PRODUCT_PRO_MONTHLY...): Polar sells products, not prices. */
const catalog = priceCatalog("POLAR_PRODUCT", env);

/** A checkout or portal request gives up after this many seconds, rather than holding the user's request open. */
const REQUEST_TIMEOUT_SECONDS = 10;

let client: Polar | undefined;

/**
 * The Polar client for API version 2026-10, made on first use so that an app without a token starts and only the
 * billing routes answer NOT_CONFIGURED. The SDK makes each request once (a checkout is created once or fails).
 */
function polar(): Polar {
  client ??= createPolar({
    accessToken: requireSetting("POLAR_ACCESS_TOKEN", env.POLAR_ACCESS_TOKEN),
    environment: env.POLAR_SERVER,
    // The SDK appends /v1/... to it as it is.
    baseUrl: env.POLAR_API_BASE_URL?.replace(/\/+$/, ""),
    timeout: REQUEST_TIMEOUT_SECONDS,
  });
  return client;
}

/**
 * Polar's subscription statuses in the app's terms; Polar revokes an unpaid subscription once its retries run out,
 * and a paused one is neither billed nor served until it resumes. A status newer than this list grants no plan.
 */
const STATUSES: Record<string, SubscriptionStatus> = {
  active: "active",
  trialing: "trialing",
  past_due: "past_due",
  unpaid: "past_due",
  incomplete: "incomplete",
  incomplete_expired: "canceled",
  canceled: "canceled",
  paused: "canceled",
} satisfies Record<models.SubscriptionStatus, SubscriptionStatus>;

/** The statuses in which Polar has ended the subscription for good. */
const ENDED: ReadonlySet<string> = new Set<models.SubscriptionStatus>(["canceled", "incomplete_expired"]);

/** The subscription events the app reads; Polar also sends subscription.updated along with each specific one. */
const HANDLED: ReadonlySet<string> = new Set<webhooks.WebhookPayload["type"]>([
  "subscription.created",
  "subscription.active",
  "subscription.updated",
  "subscription.uncanceled",
  "subscription.canceled",
  "subscription.revoked",
  "subscription.past_due",
]);

/**
 * The fields the app reads from a subscription event. The SDK verifies the signature and knows the event types but
 * does not check the payload, so this does: a field Polar adds passes, one it changes makes the event unreadable.
 */
const subscriptionEvent = z.object({
  timestamp: dateString,
  data: z.object({
    id: z.string(),
    customer_id: z.string(),
    product_id: z.string(),
    status: z.string(),
    current_period_end: dateString.nullable(),
    cancel_at_period_end: z.boolean(),
    ended_at: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    customer: z.object({ external_id: z.string().nullish() }),
  }),
});

type PolarSubscription = z.output<typeof subscriptionEvent>["data"];

function subscriptionState(subscription: PolarSubscription): SubscriptionState {
  const userId = subscription.metadata.userId;
  return {
    subscriptionId: subscription.id,
    customerId: subscription.customer_id,
    userId: subscription.customer.external_id ?? (typeof userId === "string" ? userId : null),
    plan: catalog.planOf(subscription.product_id),
    status: STATUSES[subscription.status] ?? "incomplete",
    currentPeriodEnd: subscription.current_period_end,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    // Polar sets ended_at (and status canceled) only once access has ended; a cancel at period end sets ends_at.
    ended: subscription.ended_at !== null || ENDED.has(subscription.status),
  };
}

/**
 * What a Polar event means to the app. Polar sends subscription.updated along with each specific event; a failed
 * renewal shows as subscription.updated (and subscription.past_due) with status past_due.
 */
function eventType(polarType: string, state: SubscriptionState): BillingEvent["type"] {
  if (state.ended || polarType === "subscription.canceled") return "subscription.canceled";
  if (state.status === "past_due") return "payment.failed";
  const live = state.status === "active" || state.status === "trialing";
  if (live && (polarType === "subscription.created" || polarType === "subscription.active")) {
    return "subscription.activated";
  }
  return "subscription.updated";
}

/** Polar (polar.sh), a merchant of record: subscriptions to products, Standard Webhooks signatures. */
export const paymentProvider: PaymentProvider = {
  id: "polar",
  name: "Polar",

  requireCheckoutSettings(plan, interval) {
    polar();
    catalog.idFor(plan, interval);
  },

  async createCustomer(user) {
    const customer = await polar().customers.create({ email: user.email, name: user.name, external_id: user.id });
    return customer.id;
  },

  async createCheckout(input) {
    const productId = catalog.idFor(input.plan, input.interval);
    const checkout = await polar().checkouts.create({
      products: [productId],
      customer_id: input.customerId,
      external_customer_id: input.userId,
      metadata: { userId: input.userId, plan: input.plan },
      success_url: input.successUrl,
      return_url: input.cancelUrl,
    });
    return { url: checkout.url, sessionId: checkout.id };
  },

  async createPortal(input) {
    const session = await polar().customerSessions.create({
      customer_id: input.customerId,
      return_url: input.returnUrl,
    });
    return { url: session.customer_portal_url };
  },

  async parseWebhook(rawBody, headers) {
    const secret = requireSetting("POLAR_WEBHOOK_SECRET", env.POLAR_WEBHOOK_SECRET);
    const deliveryId = headers.get("webhook-id");
    if (!deliveryId) throw new InvalidSignatureError("The webhook-id header is missing.");
    // The SDK verifies both of Polar's signing schemes: Standard Webhooks (the key is the base64 inside `whsec_...`)
    // and Polar's first one (the key is the whole secret string), then parses the JSON and checks its type.
    let event: webhooks.WebhookPayload;
    try {
      event = await webhooks.validateEvent(rawBody, Object.fromEntries(headers), secret);
    } catch (error) {
      if (error instanceof webhooks.PolarWebhookVerificationError) throw new InvalidSignatureError(error.message);
      if (error instanceof webhooks.PolarWebhookUnknownTypeError) {
        return ignoredEvent(deliveryId, error.eventType ?? "unknown", "a type unknown to this @polar-sh/sdk");
      }
      // Verified, but not JSON.
      if (error instanceof webhooks.PolarWebhookError) return unreadableEvent(deliveryId, "unknown", error.message);
      throw error;
    }
    if (!HANDLED.has(event.type)) return ignoredEvent(deliveryId, event.type);
    const read = subscriptionEvent.safeParse(event);
    if (!read.success) return unreadableEvent(deliveryId, event.type, read.error);
    const subscription = subscriptionState(read.data.data);
    return {
      id: deliveryId,
      occurredAt: read.data.timestamp,
      type: eventType(event.type, subscription),
      subscription,
    };
  },
};
