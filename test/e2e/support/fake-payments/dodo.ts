import { randomBytes } from "node:crypto";
import http from "node:http";
import { Webhook } from "standardwebhooks";
import type { FakePaymentProvider, SubscriptionChange, WebhookDelivery } from "./types.js";
import { closeServer, type HostedCheckout, listenOnLoopback, serveHostedCheckout } from "./server.js";

/*
 * A local Dodo Payments: the three endpoints the app's adapter calls through the dodopayments SDK (create a customer,
 * a checkout session, a customer portal session), with the JSON the real API answers and its `{ code, message }`
 * errors, and subscription webhooks signed the way Dodo signs them (Standard Webhooks, a `whsec_` base64 secret).
 */

type Interval = "Month" | "Year";

interface Product {
  id: string;
  /** Its name, as the checkout page shows it. */
  name: string;
  interval: Interval;
  /** In cents, before tax. */
  price: number;
}

type Metadata = Record<string, string | number | boolean>;

interface Customer {
  business_id: string;
  created_at: string;
  customer_id: string;
  email: string;
  name: string;
  metadata: Metadata;
  phone_number: string | null;
}

interface CheckoutSession {
  product: Product;
  customerId: string;
  metadata: Metadata;
  completed: boolean;
  /** Where the checkout page sends the customer after paying, and back to. */
  returnUrl: string | null;
  cancelUrl: string | null;
}

/** A Subscription as Dodo's webhooks carry it (every field of SubscriptionResponse, plus payload_type). */
type Subscription = Record<string, unknown> & {
  subscription_id: string;
  status: string;
  cancel_at_next_billing_date: boolean;
  cancelled_at: string | null;
  next_billing_date: string;
  previous_billing_date: string;
  payment_frequency_interval: Interval;
};

/** An error as Dodo's API answers it: an HTTP status and a `{ code, message }` body. */
class DodoError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** An id the way Dodo makes them: a type prefix and 21 alphanumerics (cus_…, pdt_…, sub_…, cks_…). */
function dodoId(prefix: string): string {
  return `${prefix}_${Array.from(randomBytes(21), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("")}`;
}

/** Standard Webhooks message ids, as in the webhook-id header. */
function messageId(): string {
  return `msg_${randomBytes(16).toString("hex")}`;
}

function oneIntervalAfter(date: Date, interval: Interval): Date {
  const next = new Date(date);
  if (interval === "Month") next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

/** What each change does to the subscription, and the event Dodo reports it with. */
const CHANGES: Record<SubscriptionChange, { type: string; apply(subscription: Subscription, at: Date): void }> = {
  renewed: {
    type: "subscription.renewed",
    apply(subscription) {
      const periodStart = new Date(subscription.next_billing_date);
      subscription.status = "active";
      subscription.previous_billing_date = periodStart.toISOString();
      const periodEnd = oneIntervalAfter(periodStart, subscription.payment_frequency_interval);
      subscription.next_billing_date = periodEnd.toISOString();
    },
  },
  // Cancelling in the portal sets the flag and keeps the subscription active: Dodo reports it as subscription.updated.
  cancel_at_period_end: {
    type: "subscription.updated",
    apply(subscription) {
      subscription.cancel_at_next_billing_date = true;
    },
  },
  ended: {
    type: "subscription.cancelled",
    apply(subscription, at) {
      subscription.status = "cancelled";
      subscription.cancelled_at = at.toISOString();
    },
  },
  // A failed renewal puts the subscription on hold until the customer pays with another method.
  payment_failed: {
    type: "subscription.on_hold",
    apply(subscription) {
      subscription.status = "on_hold";
    },
  },
};

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const INVALID_BODY = "Your request body is invalid. Please check your request headers and object.";
const invalidBody = () => new DodoError(422, "INVALID_REQUEST_BODY", INVALID_BODY);

function metadataOf(value: unknown): Metadata {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw invalidBody();
  for (const entry of Object.values(value)) {
    if (!["string", "number", "boolean"].includes(typeof entry)) throw invalidBody();
  }
  return value as Metadata;
}

export async function startFakeDodo(): Promise<FakePaymentProvider> {
  const apiKey = `fake_dodo_${randomBytes(16).toString("hex")}`;
  const webhookKey = `whsec_${randomBytes(24).toString("base64")}`;
  const businessId = dodoId("bus");
  const products = {
    proMonthly: { id: dodoId("pdt"), name: "Pro", interval: "Month", price: 1_900 },
    proYearly: { id: dodoId("pdt"), name: "Pro", interval: "Year", price: 19_000 },
    enterpriseMonthly: { id: dodoId("pdt"), name: "Enterprise", interval: "Month", price: 9_900 },
    enterpriseYearly: { id: dodoId("pdt"), name: "Enterprise", interval: "Year", price: 99_000 },
  } satisfies Record<string, Product>;
  const productsById = new Map<string, Product>(Object.values(products).map((product) => [product.id, product]));
  const customers = new Map<string, Customer>();
  const sessions = new Map<string, CheckoutSession>();
  const subscriptions = new Map<string, Subscription>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (await serveHostedCheckout(req, res, "dodo", hostedCheckout)) return;
    const body = await readJson(req);
    const path = req.url ?? "/";
    fake.calls.push({ method: req.method ?? "", path, body });
    const send = (status: number, json: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    try {
      if (fake.failing) throw new DodoError(500, "INTERNAL_SERVER_ERROR", "Internal Server Error");
      if (req.headers.authorization !== `Bearer ${apiKey}`) {
        throw new DodoError(401, "UNAUTHORIZED", "You are not authorised to perform this action");
      }
      send(200, route(req.method ?? "", new URL(path, "http://fake"), body));
    } catch (error) {
      if (!(error instanceof DodoError)) throw error;
      send(error.status, { code: error.code, message: error.message });
    }
  }

  function route(method: string, url: URL, body: unknown): unknown {
    if (method === "POST" && url.pathname === "/customers") return createCustomer(body);
    if (method === "POST" && url.pathname === "/checkouts") return createCheckout(body);
    const portal = /^\/customers\/([^/]+)\/customer-portal\/session$/.exec(url.pathname);
    if (method === "POST" && portal) return createPortalSession(decodeURIComponent(portal[1]!), url.searchParams);
    throw new DodoError(404, "NOT_FOUND", "Item not found");
  }

  /** The checkout page of a session, at the `checkout_url` it was created with (`/session/<session id>`). */
  function hostedCheckout(path: string): HostedCheckout | undefined {
    const sessionId = /^\/session\/([^/]+)$/.exec(path)?.[1];
    const session = sessionId ? sessions.get(sessionId) : undefined;
    if (!sessionId || !session) return undefined;
    return {
      page: {
        provider: "Dodo Payments",
        accent: "#1e5b4f",
        product: session.product.name,
        amount: session.product.price,
        interval: session.product.interval === "Month" ? "month" : "year",
        email: customers.get(session.customerId)?.email ?? null,
        cancelUrl: session.cancelUrl,
      },
      open: !session.completed,
      pay() {
        if (!session.returnUrl) throw new Error(`Checkout session ${sessionId} has no return_url.`);
        const { subscriptionId, deliveries } = fake.completeCheckout(sessionId);
        // Dodo sends the customer back with the subscription and its status in the query.
        const successUrl = new URL(session.returnUrl);
        successUrl.searchParams.set("subscription_id", subscriptionId);
        successUrl.searchParams.set("status", "active");
        return { deliveries, successUrl: successUrl.toString() };
      },
    };
  }

  function createCustomer(body: unknown): Customer {
    if (!isRecord(body) || typeof body.email !== "string" || typeof body.name !== "string") throw invalidBody();
    const customer: Customer = {
      business_id: businessId,
      created_at: new Date().toISOString(),
      customer_id: dodoId("cus"),
      email: body.email,
      name: body.name,
      metadata: metadataOf(body.metadata),
      phone_number: typeof body.phone_number === "string" ? body.phone_number : null,
    };
    customers.set(customer.customer_id, customer);
    return customer;
  }

  function createCheckout(body: unknown): { session_id: string; checkout_url: string } {
    if (!isRecord(body) || !Array.isArray(body.product_cart) || !isRecord(body.customer)) throw invalidBody();
    const [item, ...more] = body.product_cart as unknown[];
    if (!isRecord(item) || more.length > 0 || typeof item.product_id !== "string") throw invalidBody();
    const product = productsById.get(item.product_id);
    if (!product) throw new DodoError(404, "NOT_FOUND", `Product ${item.product_id} not found`);
    const customerId = body.customer.customer_id;
    if (typeof customerId !== "string") throw invalidBody();
    if (!customers.has(customerId)) throw new DodoError(404, "NOT_FOUND", `Customer ${customerId} not found`);
    const sessionId = dodoId("cks");
    sessions.set(sessionId, {
      product,
      customerId,
      metadata: metadataOf(body.metadata),
      completed: false,
      returnUrl: typeof body.return_url === "string" ? body.return_url : null,
      cancelUrl: typeof body.cancel_url === "string" ? body.cancel_url : null,
    });
    return { session_id: sessionId, checkout_url: `${fake.baseUrl}/session/${sessionId}` };
  }

  function createPortalSession(customerId: string, query: URLSearchParams): { link: string } {
    if (!customers.has(customerId)) throw new DodoError(404, "NOT_FOUND", `Customer ${customerId} not found`);
    const link = new URL(`${fake.baseUrl}/portal/${customerId}`);
    link.searchParams.set("token", randomBytes(16).toString("hex"));
    const returnUrl = query.get("return_url");
    if (returnUrl) link.searchParams.set("return_url", returnUrl);
    return { link: link.toString() };
  }

  /** The subscription a paid checkout makes: active for one interval, with the session's metadata (Dodo copies it). */
  function subscribe(session: CheckoutSession, customer: Customer): Subscription {
    const now = new Date();
    return {
      addons: [],
      billing: { city: "San Francisco", country: "US", state: "CA", street: "1 Market St", zipcode: "94105" },
      brand_id: businessId,
      cancel_at_next_billing_date: false,
      cancelled_at: null,
      created_at: now.toISOString(),
      credit_entitlement_cart: [],
      currency: "USD",
      customer: {
        customer_id: customer.customer_id,
        email: customer.email,
        metadata: customer.metadata,
        name: customer.name,
        phone_number: customer.phone_number,
      },
      discount_cycles_remaining: null,
      discount_id: null,
      discounts: [],
      expires_at: new Date(Date.UTC(now.getUTCFullYear() + 10, now.getUTCMonth(), now.getUTCDate())).toISOString(),
      has_payment_method: true,
      metadata: session.metadata,
      meter_credit_entitlement_cart: [],
      meters: [],
      next_billing_date: oneIntervalAfter(now, session.product.interval).toISOString(),
      on_demand: false,
      past_due_ends_at: null,
      paused_at: null,
      payload_type: "Subscription",
      payment_frequency_count: 1,
      payment_frequency_interval: session.product.interval,
      payment_method_id: dodoId("pm"),
      previous_billing_date: now.toISOString(),
      product_id: session.product.id,
      quantity: 1,
      recurring_pre_tax_amount: session.product.price,
      scheduled_change: null,
      status: "active",
      subscription_id: dodoId("sub"),
      subscription_period_count: 10,
      subscription_period_interval: "Year",
      tax_id: null,
      tax_inclusive: false,
      trial_period_days: 0,
    };
  }

  /** A webhook as Dodo sends it: the event envelope, signed as it is delivered (now), whatever its own timestamp. */
  function delivery(type: string, data: object, at: Date): WebhookDelivery {
    const body = JSON.stringify({ business_id: businessId, data, timestamp: at.toISOString(), type });
    return { headers: fake.sign(body), body };
  }

  function subscriptionOf(subscriptionId: string): Subscription {
    const subscription = subscriptions.get(subscriptionId);
    if (!subscription) throw new Error(`The fake Dodo has no subscription ${subscriptionId}`);
    return subscription;
  }

  const baseUrl = await listenOnLoopback(server);

  const fake: FakePaymentProvider = {
    kind: "dodo",
    baseUrl,
    appEnv: {
      DODO_PAYMENTS_API_KEY: apiKey,
      DODO_PAYMENTS_WEBHOOK_KEY: webhookKey,
      DODO_PRODUCT_PRO_MONTHLY: products.proMonthly.id,
      DODO_PRODUCT_PRO_YEARLY: products.proYearly.id,
      DODO_PRODUCT_ENTERPRISE_MONTHLY: products.enterpriseMonthly.id,
      DODO_PRODUCT_ENTERPRISE_YEARLY: products.enterpriseYearly.id,
      // Both set, as in a developer's test setup: the base URL must win over the environment.
      DODO_PAYMENTS_ENVIRONMENT: "test_mode",
      DODO_PAYMENTS_API_BASE_URL: baseUrl,
    },
    signatureHeaders: ["webhook-id", "webhook-timestamp", "webhook-signature"],
    failing: false,
    calls: [],

    completeCheckout(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`The fake Dodo has no checkout session ${sessionId}`);
      if (session.completed) throw new Error(`Checkout session ${sessionId} has already been consumed`);
      session.completed = true;
      const subscription = subscribe(session, customers.get(session.customerId)!);
      subscriptions.set(subscription.subscription_id, subscription);
      return {
        subscriptionId: subscription.subscription_id,
        deliveries: [delivery("subscription.active", structuredClone(subscription), new Date())],
      };
    },

    subscriptionEvent(subscriptionId, change, options = {}) {
      const subscription = subscriptionOf(subscriptionId);
      const at = options.at ?? new Date();
      const { type, apply } = CHANGES[change];
      apply(subscription, at);
      return delivery(type, structuredClone(subscription), at);
    },

    unhandledEvent(subscriptionId) {
      // A renewal's payment went through: Dodo reports it, and the app reads renewals from subscription.renewed.
      const subscription = subscriptionOf(subscriptionId);
      const now = new Date();
      const payment = {
        billing: subscription.billing,
        brand_id: businessId,
        business_id: businessId,
        created_at: now.toISOString(),
        currency: subscription.currency,
        customer: subscription.customer,
        digital_products_delivered: false,
        disputes: [],
        error_code: null,
        error_message: null,
        is_multi_subscription: false,
        is_update_payment_method: false,
        metadata: {},
        payload_type: "Payment",
        payment_id: dodoId("pay"),
        payment_provider: "dodo",
        product_cart: [{ product_id: subscription.product_id, quantity: 1 }],
        refunds: [],
        settlement_amount: subscription.recurring_pre_tax_amount,
        settlement_currency: subscription.currency,
        status: "succeeded",
        subscription_id: subscription.subscription_id,
        subscription_ids: [subscription.subscription_id],
        total_amount: subscription.recurring_pre_tax_amount,
      };
      return delivery("payment.succeeded", payment, now);
    },

    driftedEvent(subscriptionId) {
      // The subscription's cancellation, with its customer as an id rather than the customer object.
      const subscription = structuredClone(subscriptionOf(subscriptionId));
      const at = new Date();
      const { customer_id } = subscription.customer as { customer_id: string };
      const cancelled = { ...subscription, status: "cancelled", cancelled_at: at.toISOString(), customer: customer_id };
      return delivery("subscription.cancelled", cancelled, at);
    },

    sign(body, options = {}) {
      const secret = options.secret ?? webhookKey;
      // Dodo's secrets are whsec_ and base64, as the SDK reads them; any other string is signed with as raw bytes.
      const webhook = secret.startsWith("whsec_") ? new Webhook(secret) : new Webhook(secret, { format: "raw" });
      const id = messageId();
      const timestamp = options.timestamp ?? new Date();
      return {
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": webhook.sign(id, timestamp, body),
      };
    },

    close: () => closeServer(server),
  };
  return fake;
}
