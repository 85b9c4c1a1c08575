import { createHash, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { Webhook } from "standardwebhooks";
import type { FakePaymentProvider, SubscriptionChange, WebhookDelivery } from "./types.js";
import { closeServer, type HostedCheckout, listenOnLoopback, serveHostedCheckout } from "./server.js";

/*
 * A local stand-in for Polar's API (what @polar-sh/sdk 1.x, API version 2026-10, calls for customers.create,
 * checkouts.create and customerSessions.create) and its webhooks. The SDK returns Polar's JSON as it is, without
 * checking it, so each object here carries every field Polar's own answers carry in that API version (snake_case, as
 * on the wire): what the app reads of them is what Polar would send. Each create answers 201.
 */

/** The API version the app's adapter uses (the SDK sends it as Polar-Version), whose shapes these are. */
const API_VERSION = "2026-10";

type Json = Record<string, unknown>;
type Interval = "month" | "year";

/** The four products the app's POLAR_PRODUCT_* vars name, with their recurring price in cents. */
const CATALOG = [
  { env: "POLAR_PRODUCT_PRO_MONTHLY", name: "Pro", interval: "month", amount: 2_000 },
  { env: "POLAR_PRODUCT_PRO_YEARLY", name: "Pro", interval: "year", amount: 20_000 },
  { env: "POLAR_PRODUCT_ENTERPRISE_MONTHLY", name: "Enterprise", interval: "month", amount: 10_000 },
  { env: "POLAR_PRODUCT_ENTERPRISE_YEARLY", name: "Enterprise", interval: "year", amount: 100_000 },
] as const;

const SIGNATURE_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

/** What Polar's API answers when it fails on its side. */
const INTERNAL_ERROR = { error: "InternalServerError", detail: "Internal Server Error" };

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Polar answers ${status}`);
  }
}

/** Polar's 422: a FastAPI validation error list, as for a field the request got wrong. */
function invalid(field: string, msg: string, input: unknown): ApiFailure {
  return new ApiFailure(422, {
    error: "RequestValidationError",
    detail: [{ type: "value_error", loc: ["body", field], msg, input }],
  });
}

const iso = (date: Date) => date.toISOString();

/** One recurring interval after `from`, as Polar moves a billing period on. */
function addInterval(from: Date, interval: Interval): Date {
  const next = new Date(from);
  if (interval === "month") next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

/**
 * Polar's webhook signing today, which @polar-sh/sdk 1.x verifies: Standard Webhooks, the key being the base64 after
 * `whsec_`, decoded (as standardwebhooks reads a `whsec_` secret). Endpoints made before it are signed with the UTF-8
 * bytes of the whole secret string instead; the SDK verifies both, and the app's own test covers that one.
 */
function signedHeaders(body: string, secret: string, timestamp: Date): Record<string, string> {
  const id = randomUUID();
  const signature = new Webhook(secret).sign(id, timestamp, body);
  return {
    "content-type": "application/json",
    "user-agent": "polar.sh webhooks",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Starts the fake Polar on 127.0.0.1 (a free port), with its own token, webhook secret and four products. */
export async function startFakePolar(): Promise<FakePaymentProvider> {
  const accessToken = `polar_oat_${randomBytes(24).toString("base64url")}`;
  const webhookSecret = `whsec_${randomBytes(32).toString("base64")}`;
  const organizationId = randomUUID();
  const created = new Date();

  const products = new Map<string, { product: Json; price: Json; interval: Interval; amount: number }>();
  const productIds: Record<string, string> = {};
  for (const entry of CATALOG) {
    const productId = randomUUID();
    const price: Json = {
      created_at: iso(created),
      modified_at: null,
      id: randomUUID(),
      source: "catalog",
      amount_type: "fixed",
      price_currency: "usd",
      tax_behavior: null,
      is_archived: false,
      product_id: productId,
      price_amount: entry.amount,
    };
    const product: Json = {
      id: productId,
      created_at: iso(created),
      modified_at: null,
      trial_interval: null,
      trial_interval_count: null,
      name: `${entry.name} (${entry.interval === "month" ? "monthly" : "yearly"})`,
      description: null,
      visibility: "public",
      recurring_interval: entry.interval,
      recurring_interval_count: 1,
      meter_interval: null,
      meter_interval_count: null,
      is_recurring: true,
      is_archived: false,
      organization_id: organizationId,
      metadata: {},
      is_deletable: false,
      prices: [price],
      benefits: [],
      medias: [],
      attached_custom_fields: [],
    };
    products.set(productId, { product, price, interval: entry.interval, amount: entry.amount });
    productIds[entry.env] = productId;
  }

  const customers = new Map<string, Json>();
  const checkouts = new Map<string, Json>();
  const subscriptions = new Map<string, { subscription: Json; interval: Interval }>();

  /** A product as a checkout lists it: without its metadata, custom fields and whether it can be deleted. */
  function checkoutProduct(product: Json): Json {
    const { metadata: _metadata, attached_custom_fields: _fields, is_deletable: _deletable, ...rest } = product;
    return rest;
  }

  function createCustomer(body: Json): Json {
    const email = body.email;
    if (typeof email !== "string" || !email.includes("@")) {
      throw invalid("email", "value is not a valid email address", email);
    }
    const externalId = typeof body.external_id === "string" ? body.external_id : null;
    if (externalId && [...customers.values()].some((customer) => customer.external_id === externalId)) {
      throw invalid("external_id", "A customer with this external ID already exists.", externalId);
    }
    const customer: Json = {
      id: randomUUID(),
      created_at: iso(new Date()),
      modified_at: null,
      metadata: body.metadata ?? {},
      external_id: externalId,
      email,
      email_verified: false,
      type: "individual",
      name: typeof body.name === "string" ? body.name : null,
      billing_name: null,
      billing_address: null,
      tax_id: null,
      locale: null,
      organization_id: organizationId,
      default_payment_method_id: null,
      deleted_at: null,
      first_user_event_at: null,
      avatar_url: `https://www.gravatar.com/avatar/${createHash("sha256").update(email.toLowerCase()).digest("hex")}`,
    };
    customers.set(customer.id as string, customer);
    return customer;
  }

  function createCheckout(body: Json): Json {
    const requested = Array.isArray(body.products) ? body.products : [];
    const entries = requested.flatMap((id) => products.get(String(id)) ?? []);
    const [first] = entries;
    if (!first || entries.length !== requested.length) {
      throw invalid("products", "Product does not exist.", body.products);
    }
    let customer: Json | undefined;
    if (body.customer_id != null) {
      customer = customers.get(String(body.customer_id));
      if (!customer) throw invalid("customer_id", "Customer does not exist.", body.customer_id);
    }
    const now = new Date();
    const id = randomUUID();
    const clientSecret = `polar_c_${randomBytes(24).toString("base64url")}`;
    const url = `${baseUrl}/checkout/${clientSecret}`;
    const checkout: Json = {
      id,
      created_at: iso(now),
      modified_at: null,
      custom_field_data: {},
      payment_processor: "stripe",
      status: "open",
      client_secret: clientSecret,
      url,
      expires_at: iso(new Date(now.getTime() + 60 * 60 * 1000)),
      success_url: typeof body.success_url === "string" ? body.success_url : `${url}/confirmation`,
      return_url: typeof body.return_url === "string" ? body.return_url : null,
      embed_origin: null,
      amount: first.amount,
      seats: null,
      min_seats: null,
      max_seats: null,
      units: null,
      min_units: null,
      max_units: null,
      discount_amount: 0,
      net_amount: first.amount,
      tax_amount: null,
      tax_behavior: null,
      total_amount: first.amount,
      currency: "usd",
      allow_trial: true,
      active_trial_interval: null,
      active_trial_interval_count: null,
      trial_end: null,
      organization_id: organizationId,
      product_id: first.product.id,
      product_price_id: first.price.id,
      discount_id: null,
      allow_discount_codes: true,
      require_billing_address: false,
      is_discount_applicable: true,
      is_free_product_price: false,
      is_payment_required: true,
      is_payment_setup_required: true,
      is_payment_form_required: true,
      customer_id: customer?.id ?? null,
      is_business_customer: false,
      customer_name: customer?.name ?? null,
      customer_email: customer?.email ?? null,
      customer_ip_address: null,
      customer_billing_name: null,
      customer_billing_address: null,
      customer_tax_id: null,
      locale: null,
      payment_method_type: null,
      payment_processor_metadata: { publishable_key: "pk_test_fake" },
      billing_address_fields: {
        country: "required",
        state: "disabled",
        city: "disabled",
        postal_code: "disabled",
        line1: "disabled",
        line2: "disabled",
      },
      trial_interval: null,
      trial_interval_count: null,
      metadata: body.metadata ?? {},
      external_customer_id: typeof body.external_customer_id === "string" ? body.external_customer_id : null,
      products: entries.map((entry) => checkoutProduct(entry.product)),
      product: checkoutProduct(first.product),
      product_price: first.price,
      prices: Object.fromEntries(entries.map((entry) => [entry.product.id, [entry.price]])),
      discount: null,
      subscription_id: null,
      attached_custom_fields: [],
      customer_metadata: body.customer_metadata ?? {},
    };
    checkouts.set(id, checkout);
    return checkout;
  }

  function createCustomerSession(body: Json): Json {
    const customer = customers.get(String(body.customer_id));
    if (!customer) throw invalid("customer_id", "Customer does not exist.", body.customer_id);
    const now = new Date();
    const token = `polar_cst_${randomBytes(24).toString("base64url")}`;
    return {
      created_at: iso(now),
      modified_at: null,
      id: randomUUID(),
      token,
      expires_at: iso(new Date(now.getTime() + 60 * 60 * 1000)),
      return_url: typeof body.return_url === "string" ? body.return_url : null,
      customer_portal_url: `${baseUrl}/portal?customer_session_token=${token}`,
      customer_id: customer.id,
      customer,
    };
  }

  const routes: Record<string, (body: Json) => Json> = {
    "POST /v1/customers/": createCustomer,
    "POST /v1/checkouts/": createCheckout,
    "POST /v1/customer-sessions/": createCustomerSession,
  };

  async function handle(req: http.IncomingMessage): Promise<{ status: number; body: unknown }> {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const body = await readJson(req);
    fake.calls.push({ method: req.method ?? "GET", path, body });
    if (fake.failing) return { status: 500, body: INTERNAL_ERROR };
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      return {
        status: 401,
        body: {
          error: "invalid_token",
          error_description: "The access token provided is expired, revoked, malformed, or invalid for other reasons.",
        },
      };
    }
    const route = routes[`${req.method} ${path}`];
    if (!route) return { status: 404, body: { detail: "Not Found" } };
    try {
      return { status: 201, body: route(body && typeof body === "object" ? (body as Json) : {}) };
    } catch (error) {
      if (error instanceof ApiFailure) return { status: error.status, body: error.body };
      throw error;
    }
  }

  /** The checkout page of a checkout, at the `url` it was created with (`/checkout/<client secret>`). */
  function hostedCheckout(path: string): HostedCheckout | undefined {
    const clientSecret = /^\/checkout\/([^/]+)$/.exec(path)?.[1];
    const checkout = [...checkouts.values()].find(
      (candidate) => clientSecret && candidate.client_secret === clientSecret,
    );
    const entry = checkout && products.get(String(checkout.product_id));
    if (!checkout || !entry) return undefined;
    return {
      page: {
        provider: "Polar",
        accent: "#0062ff",
        product: String(entry.product.name),
        amount: entry.amount,
        interval: entry.interval,
        email: typeof checkout.customer_email === "string" ? checkout.customer_email : null,
        cancelUrl: typeof checkout.return_url === "string" ? checkout.return_url : null,
      },
      open: checkout.status === "open",
      pay() {
        const { deliveries } = fake.completeCheckout(String(checkout.id));
        // Polar fills in the success URL's {CHECKOUT_ID} placeholder.
        return {
          deliveries,
          successUrl: String(checkout.success_url).replaceAll("{CHECKOUT_ID}", String(checkout.id)),
        };
      },
    };
  }

  async function respond(req: http.IncomingMessage, res: http.ServerResponse) {
    if (await serveHostedCheckout(req, res, "polar", hostedCheckout)) return;
    const { status, body } = await handle(req);
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  const server = http.createServer((req, res) => {
    respond(req, res).catch(() =>
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify(INTERNAL_ERROR)),
    );
  });
  const baseUrl = await listenOnLoopback(server);

  /** A webhook as Polar delivers it: `{ type, timestamp, api_version, data }`, signed when sent, with a fresh id. */
  function delivery(type: string, data: Json, at: Date): WebhookDelivery {
    const body = JSON.stringify({ type, timestamp: iso(at), api_version: API_VERSION, data });
    return { headers: signedHeaders(body, webhookSecret, new Date()), body };
  }

  function subscriptionOf(subscriptionId: string) {
    const found = subscriptions.get(subscriptionId);
    if (!found) throw new Error(`The fake Polar has no subscription ${subscriptionId}.`);
    return found;
  }

  const fake: FakePaymentProvider = {
    kind: "polar",
    baseUrl,
    appEnv: {
      POLAR_ACCESS_TOKEN: accessToken,
      POLAR_WEBHOOK_SECRET: webhookSecret,
      POLAR_API_BASE_URL: baseUrl,
      ...productIds,
    },
    signatureHeaders: SIGNATURE_HEADERS,
    failing: false,
    calls: [],

    completeCheckout(sessionId) {
      const checkout = checkouts.get(sessionId);
      if (!checkout || checkout.status !== "open") throw new Error(`The fake Polar has no open checkout ${sessionId}.`);
      const entry = products.get(String(checkout.product_id));
      if (!entry) throw new Error(`The checkout ${sessionId} has no product.`);
      const externalId = checkout.external_customer_id as string | null;
      // The checkout's customer, else the one with its external id, else a new one (as the payer fills in the form).
      let customer = checkout.customer_id
        ? customers.get(String(checkout.customer_id))
        : [...customers.values()].find((known) => externalId && known.external_id === externalId);
      customer ??= createCustomer({ email: "customer@example.com", external_id: externalId });
      if (customer.external_id == null && externalId) customer.external_id = externalId;

      const now = new Date();
      const subscription: Json = {
        created_at: iso(now),
        modified_at: iso(now),
        id: randomUUID(),
        amount: entry.amount,
        currency: "usd",
        recurring_interval: entry.interval,
        recurring_interval_count: 1,
        status: "active",
        current_period_start: iso(now),
        current_period_end: iso(addInterval(now, entry.interval)),
        current_meter_period_start: null,
        current_meter_period_end: null,
        trial_start: null,
        trial_end: null,
        cancel_at_period_end: false,
        canceled_at: null,
        started_at: iso(now),
        ends_at: null,
        ended_at: null,
        past_due_at: null,
        pause_at_period_end: false,
        paused_at: null,
        resumes_at: null,
        customer_id: customer.id,
        product_id: entry.product.id,
        discount_id: null,
        checkout_id: checkout.id,
        seats: null,
        units: null,
        customer_cancellation_reason: null,
        customer_cancellation_comment: null,
        metadata: checkout.metadata,
        custom_field_data: {},
        customer: { ...customer },
        product: entry.product,
        discount: null,
        prices: [entry.price],
        meters: [],
        pending_update: null,
      };
      subscriptions.set(subscription.id as string, { subscription, interval: entry.interval });
      Object.assign(checkout, { status: "succeeded", modified_at: iso(now), subscription_id: subscription.id });
      return {
        subscriptionId: subscription.id as string,
        deliveries: [
          delivery("subscription.created", subscription, now),
          delivery("subscription.active", subscription, now),
        ],
      };
    },

    subscriptionEvent(subscriptionId, change: SubscriptionChange, options = {}) {
      const { subscription, interval } = subscriptionOf(subscriptionId);
      const at = options.at ?? new Date();
      subscription.modified_at = iso(at);
      switch (change) {
        case "renewed": {
          const start = new Date(String(subscription.current_period_end));
          Object.assign(subscription, {
            status: "active",
            current_period_start: iso(start),
            current_period_end: iso(addInterval(start, interval)),
          });
          return delivery("subscription.updated", subscription, at);
        }
        case "cancel_at_period_end":
          Object.assign(subscription, {
            cancel_at_period_end: true,
            canceled_at: iso(at),
            ends_at: subscription.current_period_end,
          });
          return delivery("subscription.canceled", subscription, at);
        case "ended":
          Object.assign(subscription, {
            status: "canceled",
            canceled_at: subscription.canceled_at ?? iso(at),
            ends_at: iso(at),
            ended_at: iso(at),
          });
          return delivery("subscription.revoked", subscription, at);
        case "payment_failed":
          Object.assign(subscription, { status: "past_due", past_due_at: iso(at) });
          return delivery("subscription.updated", subscription, at);
      }
    },

    unhandledEvent() {
      // A Slack channel benefit: a type @polar-sh/sdk 0.47 did not know, whose schema refused the whole event.
      const now = new Date();
      const benefit: Json = {
        id: randomUUID(),
        created_at: iso(now),
        modified_at: null,
        type: "slack_shared_channel",
        description: "A shared Slack channel with the team",
        selectable: true,
        deletable: true,
        is_deleted: false,
        organization_id: organizationId,
        metadata: {},
        visibility: "public",
        properties: { slack_integration_id: randomUUID(), channel_name_template: "support-{customer}" },
        visibility_configurable: true,
      };
      return delivery("benefit.created", benefit, now);
    },

    driftedEvent(subscriptionId) {
      // The revocation of the subscription, with its period end as Unix seconds rather than an ISO string.
      const { subscription } = subscriptionOf(subscriptionId);
      const at = new Date();
      const revoked = {
        ...subscription,
        status: "canceled",
        ends_at: iso(at),
        ended_at: iso(at),
        current_period_end: Math.floor(new Date(String(subscription.current_period_end)).getTime() / 1000),
      };
      return delivery("subscription.revoked", revoked, at);
    },

    sign(body, options = {}) {
      return signedHeaders(body, options.secret ?? webhookSecret, options.timestamp ?? new Date());
    },

    close: () => closeServer(server),
  };
  return fake;
}
