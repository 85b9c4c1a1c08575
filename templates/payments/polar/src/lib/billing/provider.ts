import { Polar } from "@polar-sh/sdk";
import type { Subscription } from "@polar-sh/sdk/models/components/subscription.js";
import { SDKValidationError } from "@polar-sh/sdk/models/errors/sdkvalidationerror.js";
import { validateEvent, WebhookVerificationError } from "@polar-sh/sdk/webhooks";
import { Webhook, WebhookVerificationError as StandardWebhookVerificationError } from "standardwebhooks";
import { env } from "@/lib/env";
import { priceCatalog, requireSetting } from "./config";
import {
  InvalidSignatureError,
  type BillingEvent,
  type PaymentProvider,
  type SubscriptionState,
  type SubscriptionStatus,
} from "./types";

/** Each plan and interval is a Polar product (POLAR_PRODUCT_PRO_MONTHLY...): Polar sells products, not prices. */
const catalog = priceCatalog("POLAR_PRODUCT", env);

let client: Polar | undefined;

/**
 * The Polar client, made on first use so that an app without a token starts and only the billing routes answer
 * NOT_CONFIGURED. No retries (a checkout is created once or fails) and a 10 s timeout on every request.
 */
function polar(): Polar {
  client ??= new Polar({
    accessToken: requireSetting("POLAR_ACCESS_TOKEN", env.POLAR_ACCESS_TOKEN),
    server: env.POLAR_SERVER,
    serverURL: env.POLAR_API_BASE_URL,
    retryConfig: { strategy: "none" },
    timeoutMs: 10_000,
  });
  return client;
}

/** Polar's subscription statuses in the app's terms; Polar revokes an unpaid subscription once its retries run out. */
const STATUSES: Record<string, SubscriptionStatus> = {
  active: "active",
  trialing: "trialing",
  past_due: "past_due",
  unpaid: "past_due",
  incomplete: "incomplete",
  incomplete_expired: "canceled",
  canceled: "canceled",
};

function subscriptionState(subscription: Subscription): SubscriptionState {
  const status = STATUSES[subscription.status] ?? "incomplete";
  const userId = subscription.metadata.userId;
  return {
    subscriptionId: subscription.id,
    customerId: subscription.customerId,
    userId: subscription.customer.externalId ?? (typeof userId === "string" ? userId : null),
    plan: catalog.planOf(subscription.productId),
    status,
    currentPeriodEnd: subscription.currentPeriodEnd,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    // Polar sets ended_at (and status canceled) only once access has ended; a cancel at period end sets ends_at.
    ended: subscription.endedAt !== null || status === "canceled",
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

/**
 * Whether the SDK refused a verified event only because it does not know its type: it wraps its "Unknown event
 * type" SDKValidationError in another, whereas a known event that fails its schema has a zod error as the cause.
 */
function isUnknownEventType(error: unknown): boolean {
  return error instanceof SDKValidationError && error.cause instanceof SDKValidationError;
}

/**
 * The SDK's validateEvent verifies Polar's first scheme (the secret string, base64-encoded, is the key). Endpoints
 * made since September 2026 sign the Standard Webhooks way (the key is inside `whsec_…`), which only SDK 1.x verifies,
 * and 1.x needs Node 22: such a body is verified with standardwebhooks itself, then re-signed the first way with the
 * same secret so that the SDK's own parser reads it. A body neither scheme verifies never gets past `verify`.
 */
function verifiedEvent(rawBody: string, headers: Record<string, string>, secret: string) {
  try {
    return validateEvent(rawBody, headers, secret);
  } catch (error) {
    if (!(error instanceof WebhookVerificationError) || !secret.startsWith("whsec_")) throw error;
    new Webhook(secret).verify(rawBody, headers);
    const firstScheme = new Webhook(Buffer.from(secret, "utf8").toString("base64"));
    const now = new Date();
    const signature = firstScheme.sign(headers["webhook-id"] ?? "", now, rawBody);
    const resigned = {
      ...headers,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    };
    return validateEvent(rawBody, resigned, secret);
  }
}

/** Polar (polar.sh), a merchant of record: subscriptions to products, Standard Webhooks signatures. */
export const paymentProvider: PaymentProvider = {
  id: "polar",
  name: "Polar",

  async createCustomer(user) {
    const customer = await polar().customers.create({ email: user.email, name: user.name, externalId: user.id });
    return customer.id;
  },

  async createCheckout(input) {
    const productId = catalog.idFor(input.plan, input.interval);
    const checkout = await polar().checkouts.create({
      products: [productId],
      customerId: input.customerId,
      externalCustomerId: input.userId,
      metadata: { userId: input.userId, plan: input.plan },
      successUrl: input.successUrl,
      returnUrl: input.cancelUrl,
    });
    return { url: checkout.url, sessionId: checkout.id };
  },

  async createPortal(input) {
    const session = await polar().customerSessions.create({ customerId: input.customerId, returnUrl: input.returnUrl });
    return { url: session.customerPortalUrl };
  },

  async parseWebhook(rawBody, headers) {
    const secret = requireSetting("POLAR_WEBHOOK_SECRET", env.POLAR_WEBHOOK_SECRET);
    const deliveryId = headers.get("webhook-id");
    if (!deliveryId) throw new InvalidSignatureError("The webhook-id header is missing.");
    let event: ReturnType<typeof validateEvent>;
    try {
      event = verifiedEvent(rawBody, Object.fromEntries(headers), secret);
    } catch (error) {
      if (error instanceof WebhookVerificationError || error instanceof StandardWebhookVerificationError) {
        throw new InvalidSignatureError(error.message);
      }
      if (isUnknownEventType(error)) return null;
      throw error;
    }
    switch (event.type) {
      case "subscription.created":
      case "subscription.active":
      case "subscription.updated":
      case "subscription.uncanceled":
      case "subscription.canceled":
      case "subscription.revoked":
      case "subscription.past_due": {
        const subscription = subscriptionState(event.data);
        return { id: deliveryId, occurredAt: event.timestamp, type: eventType(event.type, subscription), subscription };
      }
      default:
        return null;
    }
  },
};
