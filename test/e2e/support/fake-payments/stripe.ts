import { randomBytes } from "node:crypto";
import http from "node:http";
import Stripe from "stripe";
import type { FakePaymentProvider, SubscriptionChange, WebhookDelivery } from "./types.js";
import { closeServer, type HostedCheckout, listenOnLoopback, serveHostedCheckout } from "./server.js";

/*
 * A local stand-in for Stripe's v1 API: the customers, Checkout Sessions and billing portal sessions the app's adapter
 * creates through the stripe SDK (form-encoded bodies with bracket keys, JSON answers in Stripe's object shapes and
 * error format), and the webhooks Stripe sends for a subscription, signed with Stripe's scheme by the SDK itself.
 */

const API_VERSION = Stripe.API_VERSION;
const DAY = 24 * 60 * 60;

type Interval = "month" | "year";

/** One of the four prices the app is configured with, and what it is. */
interface FakePrice {
  env: string;
  id: string;
  product: string;
  productName: string;
  interval: Interval;
  amount: number;
}

interface Checkout {
  session: Stripe.Checkout.Session;
  price: FakePrice;
  subscriptionMetadata: Record<string, string>;
}

interface FormObject {
  [key: string]: FormValue;
}
type FormValue = string | FormValue[] | FormObject;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** An id shaped like Stripe's: a prefix naming the object type, then random letters and digits. */
function stripeId(prefix: string, length = 24): string {
  return prefix + Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** One billing interval after `from`: the same day of the month, or the last day of a shorter month (as Stripe). */
function addInterval(from: number, interval: Interval): number {
  const date = new Date(from * 1000);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + (interval === "month" ? 1 : 12));
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return seconds(date);
}

/**
 * Stripe's request bodies (and query strings): `application/x-www-form-urlencoded` with bracket keys, as the SDK
 * writes them (`metadata[userId]=...`, `line_items[0][price]=...`), into the nested objects and arrays they stand for.
 */
function parseForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const [head = "", ...rest] = key.split("[");
    const path = [head, ...rest.map((part) => part.replace(/\]$/, ""))];
    let node: FormObject = root;
    for (const [index, part] of path.entries()) {
      if (index === path.length - 1) {
        node[part] = value;
      } else {
        const next = node[part];
        node = typeof next === "object" && !Array.isArray(next) ? next : (node[part] = {});
      }
    }
  }
  return arraysOf(root) as FormObject;
}

/** Objects whose keys are all indexes (`line_items[0]`, `line_items[1]`) are the arrays the SDK encoded. */
function arraysOf(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([key, child]) => [key, arraysOf(child)] as const);
  if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => child);
  }
  return Object.fromEntries(entries);
}

const objectOf = (value: FormValue | undefined): FormObject =>
  typeof value === "object" && !Array.isArray(value) ? value : {};

const stringsOf = (value: FormValue | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(objectOf(value)).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );

const stringOf = (value: FormValue | undefined) => (typeof value === "string" && value !== "" ? value : null);

/** An API failure in Stripe's shape: `{ error: { type, message, code?, param? } }` with its HTTP status. */
class StripeFailure {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly message: string,
    readonly extra: { code?: string; param?: string } = {},
  ) {}

  get body() {
    return { error: { ...this.extra, message: this.message, type: this.type } };
  }
}

const noSuch = (resource: string, id: string, param: string) =>
  new StripeFailure(400, "invalid_request_error", `No such ${resource}: '${id}'`, { code: "resource_missing", param });

function priceObject(price: FakePrice, created: number): Stripe.Price {
  return {
    id: price.id,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created,
    currency: "usd",
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: price.product,
    recurring: {
      interval: price.interval,
      interval_count: 1,
      meter: null,
      trial_period_days: null,
      usage_type: "licensed",
    },
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "recurring",
    unit_amount: price.amount,
    unit_amount_decimal: Stripe.Decimal.from(price.amount),
  };
}

/** The legacy `plan` every subscription item still carries next to its price. */
function planObject(price: FakePrice, created: number): Stripe.Plan {
  return {
    id: price.id,
    object: "plan",
    active: true,
    amount: price.amount,
    amount_decimal: Stripe.Decimal.from(price.amount),
    billing_scheme: "per_unit",
    created,
    currency: "usd",
    interval: price.interval,
    interval_count: 1,
    livemode: false,
    metadata: {},
    meter: null,
    nickname: null,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

function customerObject(params: FormObject): Stripe.Customer {
  return {
    id: stripeId("cus_", 14),
    object: "customer",
    address: null,
    balance: 0,
    created: seconds(new Date()),
    currency: null,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: stringOf(params.description),
    discount: null,
    email: stringOf(params.email),
    invoice_prefix: stripeId("", 8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: stringsOf(params.metadata),
    name: stringOf(params.name),
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

function checkoutSessionObject(
  baseUrl: string,
  params: FormObject,
  customer: Stripe.Customer,
  price: FakePrice,
): Stripe.Checkout.Session {
  const id = stripeId("cs_test_a1", 56);
  const created = seconds(new Date());
  return {
    id,
    object: "checkout.session",
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: price.amount,
    amount_total: price.amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: stringOf(params.cancel_url),
    client_reference_id: stringOf(params.client_reference_id),
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created,
    currency: "usd",
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: customer.id,
    customer_account: null,
    customer_creation: null,
    customer_details: {
      address: null,
      business_name: null,
      email: customer.email,
      individual_name: null,
      name: null,
      phone: null,
      tax_exempt: "none",
      tax_ids: null,
    },
    customer_email: null,
    discounts: [],
    expires_at: created + DAY,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: stringsOf(params.metadata),
    mode: "subscription",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "always",
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: "automatic" } },
    payment_method_types: ["card"],
    payment_status: "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: {
      allow_redisplay_filters: ["always"],
      payment_method_remove: null,
      payment_method_save: null,
    },
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: stringOf(params.success_url),
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: `${baseUrl}/c/pay/${id}`,
    wallet_options: null,
  };
}

function portalSessionObject(
  baseUrl: string,
  params: FormObject,
  customer: Stripe.Customer,
): Stripe.BillingPortal.Session {
  return {
    id: stripeId("bps_"),
    object: "billing_portal.session",
    configuration: stripeId("bpc_"),
    created: seconds(new Date()),
    customer: customer.id,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: stringOf(params.return_url),
    url: `${baseUrl}/p/session/test_${stripeId("", 48)}`,
  };
}

const cancellationDetails = (reason: Stripe.Subscription.CancellationDetails.Reason | null) =>
  ({ comment: null, feedback: null, feedback_option: null, reason }) satisfies Stripe.Subscription.CancellationDetails;

/** A paid subscription to one price, active from `start` for one interval, as Checkout makes it. */
function subscriptionObject(
  customer: string,
  price: FakePrice,
  metadata: Record<string, string>,
  start: number,
): Stripe.Subscription {
  const id = stripeId("sub_");
  const item: Stripe.SubscriptionItem = {
    id: stripeId("si_", 14),
    object: "subscription_item",
    billing_thresholds: null,
    created: start,
    current_period_end: addInterval(start, price.interval),
    current_period_start: start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planObject(price, start),
    price: priceObject(price, start),
    quantity: 1,
    subscription: id,
    tax_rates: [],
  };
  return {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: start,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: "included" }, type: "flexible", updated_at: start },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: cancellationDetails(null),
    collection_method: "charge_automatically",
    created: start,
    currency: "usd",
    customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: stripeId("pm_"),
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: { object: "list", data: [item], has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: stripeId("in_"),
    livemode: false,
    managed_payments: null,
    metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: start,
    status: "active",
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } },
    trial_start: null,
  };
}

/**
 * The renewal invoice made when a subscription moved on to its current period, whose payment has just failed. Like
 * Stripe's, its own period is the one just ended and its subscription line's the one ahead.
 */
function failedInvoiceObject(
  baseUrl: string,
  subscription: Stripe.Subscription,
  price: FakePrice,
  endedPeriodStart: number,
  at: number,
): Stripe.Invoice {
  const item = subscription.items.data[0]!;
  const id = subscription.latest_invoice as string;
  const period = { start: item.current_period_start, end: item.current_period_end };
  const line: Stripe.InvoiceLineItem = {
    id: stripeId("il_"),
    object: "line_item",
    amount: price.amount,
    currency: "usd",
    description: `1 × ${price.productName} (at $${(price.amount / 100).toFixed(2)} / ${price.interval})`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: id,
    livemode: false,
    metadata: subscription.metadata,
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: subscription.id,
        subscription_item: item.id,
      },
      type: "subscription_item_details",
    },
    period,
    pretax_credit_amounts: [],
    pricing: {
      price_details: { price: price.id, product: price.product },
      type: "price_details",
      unit_amount_decimal: Stripe.Decimal.from(price.amount),
    },
    quantity: 1,
    quantity_decimal: Stripe.Decimal.from(1),
    subscription: subscription.id,
    subtotal: price.amount,
    taxes: [],
  };
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "CraftJS test account",
    account_tax_ids: null,
    amount_due: price.amount,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: price.amount,
    amount_shipping: 0,
    application: null,
    attempt_count: 1,
    attempted: true,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: "subscription_cycle",
    collection_method: "charge_automatically",
    created: at,
    currency: "usd",
    custom_fields: null,
    customer: typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: null,
    customer_name: null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: at,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `${baseUrl}/i/${id}`,
    invoice_pdf: `${baseUrl}/i/${id}/pdf`,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: [line], has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: at + 3 * DAY,
    number: `${stripeId("", 8).toUpperCase()}-0002`,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: subscription.metadata, subscription: subscription.id },
      type: "subscription_details",
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: period.start,
    period_start: endedPeriodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "open",
    status_transitions: { finalized_at: at, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: price.amount,
    subtotal_excluding_tax: price.amount,
    test_clock: null,
    total: price.amount,
    total_discount_amounts: [],
    total_excluding_tax: price.amount,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

/** A fake Stripe on 127.0.0.1, with its own API key, webhook secret and the four prices of the app's plans. */
export async function startFakeStripe(): Promise<FakePaymentProvider> {
  const apiKey = stripeId("sk_test_", 99);
  const webhookSecret = stripeId("whsec_", 32);
  const products: Record<string, string> = { pro: stripeId("prod_", 14), enterprise: stripeId("prod_", 14) };
  const prices: FakePrice[] = [
    { env: "STRIPE_PRICE_PRO_MONTHLY", plan: "pro", interval: "month", amount: 1900 },
    { env: "STRIPE_PRICE_PRO_YEARLY", plan: "pro", interval: "year", amount: 19000 },
    { env: "STRIPE_PRICE_ENTERPRISE_MONTHLY", plan: "enterprise", interval: "month", amount: 9900 },
    { env: "STRIPE_PRICE_ENTERPRISE_YEARLY", plan: "enterprise", interval: "year", amount: 99000 },
  ].map(({ env, plan, interval, amount }) => ({
    env,
    id: stripeId("price_1", 23),
    product: products[plan]!,
    productName: plan === "pro" ? "Pro" : "Enterprise",
    interval: interval as Interval,
    amount,
  }));
  const customers = new Map<string, Stripe.Customer>();
  const checkouts = new Map<string, Checkout>();
  const subscriptions = new Map<string, { subscription: Stripe.Subscription; price: FakePrice }>();
  /** Stripe answers a repeated Idempotency-Key with the first answer, marked as replayed. */
  const replays = new Map<string, { status: number; body: unknown }>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (await serveHostedCheckout(req, res, "stripe", hostedCheckout)) return;
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const params = parseForm(method === "POST" ? Buffer.concat(parts).toString("utf8") : url.search.slice(1));
    fake.calls.push({ method, path: url.pathname, body: params });

    const requestId = stripeId("req_", 14);
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === "string" ? value : undefined;
    };
    const idempotencyKey = method === "POST" ? header("idempotency-key") : undefined;
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) =>
      res
        .writeHead(status, {
          "content-type": "application/json",
          "request-id": requestId,
          "stripe-version": header("stripe-version") ?? API_VERSION,
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey, "original-request": requestId } : {}),
          ...extra,
        })
        .end(JSON.stringify(body, null, 2));

    if (fake.failing) {
      const failure = new StripeFailure(500, "api_error", "An unknown error occurred while processing your request.");
      return send(failure.status, failure.body);
    }
    const authorization = header("authorization");
    if (authorization !== `Bearer ${apiKey}`) {
      const message = authorization
        ? `Invalid API Key provided: ${authorization.replace(/^Bearer /, "").slice(0, 8)}****`
        : "You did not provide an API key. You need to provide your API key in the Authorization header, " +
          "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";
      const failure = new StripeFailure(401, "invalid_request_error", message);
      return send(failure.status, failure.body, { "www-authenticate": 'Bearer realm="Stripe"' });
    }
    const replay = idempotencyKey ? replays.get(idempotencyKey) : undefined;
    if (replay) return send(replay.status, replay.body, { "idempotent-replayed": "true" });

    let status = 200;
    let body: unknown;
    try {
      body = route(method, url.pathname, params);
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      [status, body] = [error.status, error.body];
    }
    if (idempotencyKey) replays.set(idempotencyKey, { status, body });
    send(status, body);
  }

  /** The Checkout page of a session, at the `url` it was created with (`/c/pay/<session id>`). */
  function hostedCheckout(path: string): HostedCheckout | undefined {
    const id = /^\/c\/pay\/([^/]+)$/.exec(path)?.[1];
    const checkout = id ? checkouts.get(id) : undefined;
    if (!checkout) return undefined;
    const { session, price } = checkout;
    return {
      page: {
        provider: "Stripe",
        accent: "#635bff",
        product: price.productName,
        amount: price.amount,
        interval: price.interval,
        email: session.customer_details?.email ?? null,
        cancelUrl: session.cancel_url,
      },
      open: session.status === "open",
      pay() {
        if (!session.success_url) throw new Error(`Checkout session ${session.id} has no success_url.`);
        const { deliveries } = fake.completeCheckout(session.id);
        // Stripe fills in the success URL's {CHECKOUT_SESSION_ID} template variable.
        return { deliveries, successUrl: session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id) };
      },
    };
  }

  function customerOf(id: FormValue | undefined, param: string): Stripe.Customer {
    const customer = typeof id === "string" ? customers.get(id) : undefined;
    if (!customer) throw noSuch("customer", String(id ?? ""), param);
    return customer;
  }

  /** The endpoints the adapter calls; anything else is the 404 Stripe answers for an unknown URL. */
  function route(method: string, path: string, params: FormObject): unknown {
    if (method === "POST" && path === "/v1/customers") {
      const customer = customerObject(params);
      customers.set(customer.id, customer);
      return customer;
    }
    if (method === "POST" && path === "/v1/checkout/sessions") {
      if (params.mode !== "subscription") {
        throw new StripeFailure(400, "invalid_request_error", "The fake Stripe serves subscription checkouts only.", {
          param: "mode",
        });
      }
      const customer = customerOf(params.customer, "customer");
      const lineItems = Array.isArray(params.line_items) ? params.line_items : [];
      const priceId = stringOf(objectOf(lineItems[0]).price);
      const price = prices.find((candidate) => candidate.id === priceId);
      if (lineItems.length !== 1 || !price) throw noSuch("price", priceId ?? "", "line_items[0][price]");
      const session = checkoutSessionObject(fake.baseUrl, params, customer, price);
      // Stripe copies subscription_data[metadata] (not the session's own metadata) onto the subscription.
      const subscriptionMetadata = stringsOf(objectOf(params.subscription_data).metadata);
      checkouts.set(session.id, { session, price, subscriptionMetadata });
      return session;
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      return portalSessionObject(fake.baseUrl, params, customerOf(params.customer, "customer"));
    }
    throw new StripeFailure(
      404,
      "invalid_request_error",
      `Unrecognized request URL (${method}: ${path}). ` +
        "Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
    );
  }

  /** A delivery of one event as Stripe POSTs it: pretty-printed JSON, signed now. */
  function deliver(
    type: Stripe.Event["type"],
    object: Stripe.Subscription | Stripe.Invoice | Stripe.Customer,
    at: Date,
    previous?: Record<string, unknown>,
  ): WebhookDelivery {
    const event = {
      id: stripeId("evt_"),
      object: "event",
      api_version: API_VERSION,
      created: seconds(at),
      data: { object, ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    const body = JSON.stringify(event, null, 2);
    return {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        ...fake.sign(body),
      },
      body,
    };
  }

  const baseUrl = await listenOnLoopback(server);

  const fake: FakePaymentProvider = {
    kind: "stripe",
    baseUrl,
    appEnv: {
      STRIPE_SECRET_KEY: apiKey,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      ...Object.fromEntries(prices.map((price) => [price.env, price.id])),
      STRIPE_API_BASE_URL: baseUrl,
    },
    signatureHeaders: ["stripe-signature"],
    failing: false,
    calls: [],

    completeCheckout(sessionId) {
      const checkout = checkouts.get(sessionId);
      if (!checkout) throw new Error(`The fake Stripe has no checkout session ${sessionId}; make one through its API.`);
      if (checkout.session.status !== "open") throw new Error(`Checkout session ${sessionId} is already complete.`);
      const now = new Date();
      const customer = String(checkout.session.customer);
      const subscription = subscriptionObject(customer, checkout.price, checkout.subscriptionMetadata, seconds(now));
      subscriptions.set(subscription.id, { subscription, price: checkout.price });
      Object.assign(checkout.session, {
        status: "complete",
        payment_status: "paid",
        subscription: subscription.id,
        invoice: subscription.latest_invoice,
      });
      const created = deliver("customer.subscription.created", subscription, now);
      return { subscriptionId: subscription.id, deliveries: [created] };
    },

    subscriptionEvent(subscriptionId, change: SubscriptionChange, options = {}) {
      const entry = subscriptions.get(subscriptionId);
      if (!entry) throw new Error(`The fake Stripe has no subscription ${subscriptionId}.`);
      const { subscription, price } = entry;
      const at = options.at ?? new Date();
      // A copy in its wire form (structuredClone would turn the SDK's Decimal amounts into bare objects).
      const before = JSON.parse(JSON.stringify(subscription)) as Stripe.Subscription;
      const item = subscription.items.data[0]!;
      const advance = () => {
        item.current_period_start = item.current_period_end;
        item.current_period_end = addInterval(item.current_period_end, price.interval);
        subscription.latest_invoice = stripeId("in_");
      };
      switch (change) {
        case "renewed":
          advance();
          subscription.status = "active";
          return deliver("customer.subscription.updated", subscription, at, {
            items: before.items,
            latest_invoice: before.latest_invoice,
            ...(before.status !== "active" ? { status: before.status } : {}),
          });
        case "cancel_at_period_end":
          Object.assign(subscription, {
            cancel_at: item.current_period_end,
            cancel_at_period_end: true,
            canceled_at: seconds(at),
            cancellation_details: cancellationDetails("cancellation_requested"),
          });
          return deliver("customer.subscription.updated", subscription, at, {
            cancel_at: before.cancel_at,
            cancel_at_period_end: before.cancel_at_period_end,
            canceled_at: before.canceled_at,
            cancellation_details: before.cancellation_details,
          });
        case "ended":
          Object.assign(subscription, {
            status: "canceled",
            canceled_at: subscription.canceled_at ?? seconds(at),
            ended_at: seconds(at),
            cancellation_details: cancellationDetails("cancellation_requested"),
          });
          return deliver("customer.subscription.deleted", subscription, at);
        case "payment_failed": {
          // The period moves on and its renewal invoice is made; charging it fails and the subscription is past due.
          advance();
          subscription.status = "past_due";
          const endedPeriodStart = before.items.data[0]!.current_period_start;
          const invoice = failedInvoiceObject(fake.baseUrl, subscription, price, endedPeriodStart, seconds(at));
          return deliver("invoice.payment_failed", invoice, at);
        }
      }
    },

    unhandledEvent(subscriptionId) {
      // The subscriber's customer got a name: Stripe reports it, and the app has no use for it.
      const entry = subscriptions.get(subscriptionId);
      if (!entry) throw new Error(`The fake Stripe has no subscription ${subscriptionId}.`);
      const customer = customers.get(String(entry.subscription.customer));
      if (!customer) throw new Error(`The fake Stripe has no customer for subscription ${subscriptionId}.`);
      return deliver("customer.updated", { ...customer, name: "Ivy Example" }, new Date(), { name: customer.name });
    },

    driftedEvent(subscriptionId) {
      // The subscription's deletion, with its item's period end as an ISO string rather than Unix seconds.
      const entry = subscriptions.get(subscriptionId);
      if (!entry) throw new Error(`The fake Stripe has no subscription ${subscriptionId}.`);
      const at = new Date();
      const deleted = JSON.parse(JSON.stringify(entry.subscription)) as Stripe.Subscription;
      const item = deleted.items.data[0]!;
      Object.assign(deleted, { status: "canceled", canceled_at: seconds(at), ended_at: seconds(at) });
      Object.assign(item, { current_period_end: new Date(item.current_period_end * 1000).toISOString() });
      return deliver("customer.subscription.deleted", deleted, at);
    },

    sign(body, options = {}) {
      const header = Stripe.webhooks.generateTestHeaderString({
        payload: body,
        secret: options.secret ?? webhookSecret,
        timestamp: seconds(options.timestamp ?? new Date()),
      });
      return { "stripe-signature": header };
    },

    close: () => closeServer(server),
  };
  return fake;
}
