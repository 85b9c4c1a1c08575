import Stripe from "stripe";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { InvalidSignatureError, type PaymentProvider } from "@/lib/billing/types";

const SECRET = "whsec_5Jd0uVq8mT2cXr7LkP3nYb9wE4hA1sGz";
const PRO_MONTHLY = "price_1SQ7hLKz4aXbN2mPq8RtVw3Y";
const ENTERPRISE_YEARLY = "price_1SQ7kRKz4aXbN2mPd5FgHj6K";
const CUSTOMER_ID = "cus_TMq4Zf8Lr2VdXk";
const SUBSCRIPTION_ID = "sub_1SQ8a3Kz4aXbN2mPWc7YtU1e";
const USER_ID = "usr_8f2k1m";
const ENTERPRISE_CUSTOMER_ID = "cus_TMq9Hn3Wc6YbEa";
const ENTERPRISE_SUBSCRIPTION_ID = "sub_1SQ8d7Kz4aXbN2mPuE5rG0hz";
const ENTERPRISE_USER_ID = "usr_3h7q2d";

let provider: PaymentProvider;

beforeAll(async () => {
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", SECRET);
  vi.stubEnv("STRIPE_PRICE_PRO_MONTHLY", PRO_MONTHLY);
  vi.stubEnv("STRIPE_PRICE_PRO_YEARLY", "price_1SQ7iPKz4aXbN2mPa1BcDe2F");
  vi.stubEnv("STRIPE_PRICE_ENTERPRISE_MONTHLY", "price_1SQ7jQKz4aXbN2mPg3HiJk4L");
  vi.stubEnv("STRIPE_PRICE_ENTERPRISE_YEARLY", ENTERPRISE_YEARLY);
  ({ paymentProvider: provider } = await import("./provider"));
});

/** A price as Stripe embeds it in a subscription item, with the legacy plan beside it. */
function priceAndPlan(id: string, interval: "month" | "year", amount: number) {
  const shared = { id, active: true, billing_scheme: "per_unit", created: 1793210531, currency: "usd" };
  const recurring = { interval, interval_count: 1, meter: null, trial_period_days: null, usage_type: "licensed" };
  const product = "prod_TMpZ2wKd9hQx1R";
  return {
    plan: {
      ...shared,
      object: "plan",
      livemode: false,
      amount,
      amount_decimal: `${amount}`,
      interval,
      interval_count: 1,
      metadata: {},
      meter: null,
      nickname: null,
      product,
      tiers_mode: null,
      transform_usage: null,
      trial_period_days: null,
      usage_type: "licensed",
    },
    price: {
      ...shared,
      object: "price",
      livemode: false,
      custom_unit_amount: null,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product,
      recurring,
      tax_behavior: "unspecified",
      tiers_mode: null,
      transform_quantity: null,
      type: "recurring",
      unit_amount: amount,
      unit_amount_decimal: `${amount}`,
    },
  };
}

/** A subscription as Stripe's webhooks carry it (API 2026-10-28.endive), after a paid checkout for Pro, monthly. */
function subscription(fields: object = {}) {
  return {
    id: SUBSCRIPTION_ID,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: 1793610865,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: "included" }, type: "flexible", updated_at: 1793610865 },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: 1793610865,
    currency: "usd",
    customer: CUSTOMER_ID,
    customer_account: null,
    days_until_due: null,
    default_payment_method: "pm_1SQ8a1Kz4aXbN2mPfR6sQo2n",
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
    items: {
      object: "list",
      data: [
        {
          id: "si_TMq4pW2bGk8sNc",
          object: "subscription_item",
          billing_thresholds: null,
          created: 1793610866,
          current_period_end: 1796202865,
          current_period_start: 1793610865,
          current_trial: null,
          discounts: [],
          metadata: {},
          ...priceAndPlan(PRO_MONTHLY, "month", 2000),
          quantity: 1,
          subscription: SUBSCRIPTION_ID,
          tax_rates: [],
        },
      ],
      has_more: false,
      total_count: 1,
      url: `/v1/subscription_items?subscription=${SUBSCRIPTION_ID}`,
    },
    latest_invoice: "in_1SQ8a3Kz4aXbN2mP0lKq9Vxy",
    livemode: false,
    managed_payments: null,
    metadata: { plan: "pro", userId: USER_ID },
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: 1793610865,
    status: "active",
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } },
    trial_start: null,
    ...fields,
  };
}

/** The first yearly renewal invoice of another user's Enterprise subscription, whose charge was declined. */
const failedInvoice = {
  id: "in_1TbC2dKz4aXbN2mPk7Hq3Wzs",
  object: "invoice",
  account_country: "US",
  account_name: "Acme AI",
  account_tax_ids: null,
  amount_due: 99000,
  amount_overpaid: 0,
  amount_paid: 0,
  amount_remaining: 99000,
  amount_shipping: 0,
  application: null,
  attempt_count: 1,
  attempted: true,
  auto_advance: true,
  automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
  automatically_finalizes_at: null,
  billing_reason: "subscription_cycle",
  collection_method: "charge_automatically",
  created: 1825146865,
  currency: "usd",
  custom_fields: null,
  customer: ENTERPRISE_CUSTOMER_ID,
  customer_account: null,
  customer_address: null,
  customer_email: "jack@example.com",
  customer_name: "Jack",
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
  effective_at: 1825150534,
  ending_balance: 0,
  footer: null,
  from_invoice: null,
  hosted_invoice_url: "https://invoice.stripe.com/i/acct_1SQ6xyKz4aXbN2mP/test_YWNjdF8xU1E2eHlLejRhWGJOMm1Q",
  invoice_pdf: "https://pay.stripe.com/invoice/acct_1SQ6xyKz4aXbN2mP/test_YWNjdF8xU1E2eHlLejRhWGJOMm1Q/pdf",
  issuer: { type: "self" },
  last_finalization_error: null,
  latest_revision: null,
  lines: {
    object: "list",
    data: [
      {
        id: "il_1TbC2dKz4aXbN2mPq1Zx8Ccv",
        object: "line_item",
        amount: 99000,
        currency: "usd",
        description: "1 × Enterprise (at $990.00 / year)",
        discount_amounts: [],
        discountable: true,
        discounts: [],
        invoice: "in_1TbC2dKz4aXbN2mPk7Hq3Wzs",
        livemode: false,
        metadata: { plan: "enterprise", userId: ENTERPRISE_USER_ID },
        parent: {
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: null,
            proration: false,
            proration_details: { credited_items: null },
            subscription: ENTERPRISE_SUBSCRIPTION_ID,
            subscription_item: "si_TMq9Xc4nVb7LpR",
          },
          type: "subscription_item_details",
        },
        period: { end: 1856769265, start: 1825146865 },
        pretax_credit_amounts: [],
        pricing: {
          price_details: { price: ENTERPRISE_YEARLY, product: "prod_TMpa9cVb2kLs0Q" },
          type: "price_details",
          unit_amount_decimal: "99000",
        },
        quantity: 1,
        quantity_decimal: "1",
        subscription: ENTERPRISE_SUBSCRIPTION_ID,
        subtotal: 99000,
        taxes: [],
      },
    ],
    has_more: false,
    total_count: 1,
    url: "/v1/invoices/in_1TbC2dKz4aXbN2mPk7Hq3Wzs/lines",
  },
  livemode: false,
  metadata: {},
  next_payment_attempt: 1825409734,
  number: "7F3A2C1D-0002",
  on_behalf_of: null,
  parent: {
    quote_details: null,
    subscription_details: {
      metadata: { plan: "enterprise", userId: ENTERPRISE_USER_ID },
      subscription: ENTERPRISE_SUBSCRIPTION_ID,
    },
    type: "subscription_details",
  },
  payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
  period_end: 1825146865,
  period_start: 1793610865,
  post_payment_credit_notes_amount: 0,
  pre_payment_credit_notes_amount: 0,
  receipt_number: null,
  rendering: null,
  shipping_cost: null,
  shipping_details: null,
  starting_balance: 0,
  statement_descriptor: null,
  status: "open",
  status_transitions: { finalized_at: 1825150534, marked_uncollectible_at: null, paid_at: null, voided_at: null },
  subtotal: 99000,
  subtotal_excluding_tax: 99000,
  test_clock: null,
  total: 99000,
  total_discount_amounts: [],
  total_excluding_tax: 99000,
  total_pretax_credit_amounts: [],
  total_taxes: [],
  webhooks_delivered_at: null,
};

/** An event as Stripe POSTs it: pretty-printed JSON, the object under `data.object`. */
function event(id: string, type: string, created: number, object: object, previous?: object) {
  const data = { object, ...(previous && { previous_attributes: previous }) };
  const request = { id: null, idempotency_key: null };
  const fields = { id, object: "event", api_version: "2026-10-28.endive", created, data, livemode: false };
  return JSON.stringify({ ...fields, pending_webhooks: 1, request, type }, null, 2);
}

/** The headers Stripe sends with a body: signed now (or at `timestamp`, in seconds) with the endpoint's secret. */
function signed(body: string, options: { secret?: string; timestamp?: number } = {}) {
  const { secret = SECRET, timestamp } = options;
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
  return new Headers({ "content-type": "application/json; charset=utf-8", "stripe-signature": header });
}

const parse = (body: string) => provider.parseWebhook(body, signed(body));

/** An event the app has no use for: the customer changed their name. */
const customerUpdated = event(
  "evt_1SQ8Z9Kz4aXbN2mPm2Wq5Rty",
  "customer.updated",
  1793610860,
  { id: CUSTOMER_ID, object: "customer", email: "ivy@example.com", metadata: { userId: USER_ID } },
  { name: null },
);

describe("Stripe webhooks", () => {
  it("reads a created subscription as activated, with its user, the plan of its price and its period end", async () => {
    const body = event("evt_1SQ8a4Kz4aXbN2mPVb3k0Hn2", "customer.subscription.created", 1793610867, subscription());
    expect(await parse(body)).toEqual({
      id: "evt_1SQ8a4Kz4aXbN2mPVb3k0Hn2",
      occurredAt: new Date("2026-11-02T09:14:27Z"),
      type: "subscription.activated",
      subscription: {
        subscriptionId: SUBSCRIPTION_ID,
        customerId: CUSTOMER_ID,
        userId: USER_ID,
        plan: "pro",
        status: "active",
        currentPeriodEnd: new Date("2026-12-02T09:14:25Z"),
        cancelAtPeriodEnd: false,
        ended: false,
      },
    });
  });

  it("reads a cancellation in the portal as an update that keeps the subscription until the period ends", async () => {
    const canceled = subscription({
      cancel_at: 1796202865,
      cancel_at_period_end: true,
      canceled_at: 1795190591,
      cancellation_details: {
        comment: null,
        feedback: "too_expensive",
        feedback_option: null,
        reason: "cancellation_requested",
      },
    });
    const previous = {
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      cancellation_details: { feedback: null, reason: null },
    };
    const body = event("evt_1SQz9cKz4aXbN2mPaQ4r7Tsw", "customer.subscription.updated", 1795190591, canceled, previous);
    const result = await parse(body);
    expect(result).toMatchObject({
      type: "subscription.updated",
      occurredAt: new Date("2026-11-20T16:03:11Z"),
      subscription: { plan: "pro", status: "active", cancelAtPeriodEnd: true, ended: false },
    });
  });

  it("reads a deleted subscription as ended now", async () => {
    const deleted = subscription({
      status: "canceled",
      cancel_at: 1796202865,
      cancel_at_period_end: true,
      canceled_at: 1795190591,
      ended_at: 1796202865,
    });
    const body = event("evt_1SWx1aKz4aXbN2mPo9Lk2Dfe", "customer.subscription.deleted", 1796202866, deleted);
    const result = await parse(body);
    expect(result).toMatchObject({
      id: "evt_1SWx1aKz4aXbN2mPo9Lk2Dfe",
      type: "subscription.canceled",
      subscription: {
        subscriptionId: SUBSCRIPTION_ID,
        userId: USER_ID,
        plan: "pro",
        status: "canceled",
        cancelAtPeriodEnd: false,
        ended: true,
      },
    });
  });

  it("reads a failed renewal as past due, from the invoice's subscription details and its price line", async () => {
    const body = event("evt_1TbC2fKz4aXbN2mPs8Jd5Gha", "invoice.payment_failed", 1825150535, failedInvoice);
    const result = await parse(body);
    expect(result).toEqual({
      id: "evt_1TbC2fKz4aXbN2mPs8Jd5Gha",
      occurredAt: new Date("2027-11-02T10:15:35Z"),
      type: "payment.failed",
      subscription: {
        subscriptionId: ENTERPRISE_SUBSCRIPTION_ID,
        customerId: ENTERPRISE_CUSTOMER_ID,
        userId: ENTERPRISE_USER_ID,
        plan: "enterprise",
        status: "past_due",
        currentPeriodEnd: new Date("2028-11-02T09:14:25Z"),
        cancelAtPeriodEnd: false,
        ended: false,
      },
    });
  });

  it("refuses another endpoint's secret, a stale timestamp, a missing header and a changed body", async () => {
    const body = event("evt_1SQ8a4Kz4aXbN2mPVb3k0Hn2", "customer.subscription.created", 1793610867, subscription());
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    for (const headers of [
      signed(body, { secret: "whsec_another0endpoint0secret00000" }),
      signed(body, { timestamp: stale }),
      new Headers({ "content-type": "application/json; charset=utf-8" }),
    ]) {
      await expect(provider.parseWebhook(body, headers)).rejects.toBeInstanceOf(InvalidSignatureError);
    }
    const tampered = body.replace(USER_ID, "usr_intruder");
    await expect(provider.parseWebhook(tampered, signed(body))).rejects.toBeInstanceOf(InvalidSignatureError);
    // A type the app does not handle, or a body it could not read, is verified all the same.
    for (const other of [customerUpdated, "not json"]) {
      const forged = signed(other, { secret: "whsec_another0endpoint0secret00000" });
      await expect(provider.parseWebhook(other, forged)).rejects.toBeInstanceOf(InvalidSignatureError);
    }
  });

  it("skips the events the app has no use for, types this SDK does not know, and others' invoices", async () => {
    expect(await parse(customerUpdated)).toEqual({
      id: "evt_1SQ8Z9Kz4aXbN2mPm2Wq5Rty",
      type: "customer.updated",
      skipped: "ignored",
      reason: expect.any(String),
    });
    const type = "customer.subscription.renewal_reminder";
    const unknown = event("evt_1SQ8ZaKz4aXbN2mPn4Xw8Bvc", type, 1793610861, subscription());
    expect(await parse(unknown)).toMatchObject({ type, skipped: "ignored" });
    const oneOff = { ...failedInvoice, parent: null, billing_reason: "manual" };
    const invoice = event("evt_1TbC3aKz4aXbN2mPz0Lq2Mnb", "invoice.payment_failed", 1825150600, oneOff);
    expect(await parse(invoice)).toMatchObject({ type: "invoice.payment_failed", skipped: "ignored" });
  });

  it("skips a verified event whose fields Stripe changed, naming the field", async () => {
    // The period end moved off the item (as it once moved onto it), the status now an object.
    const { items } = subscription();
    const moved = { ...items, data: items.data.map((item) => ({ ...item, current_period_end: undefined })) };
    const drifted = subscription({ items: moved, status: { value: "active" } });
    const body = event("evt_1SQ9b1Kz4aXbN2mPh3Tr6Yui", "customer.subscription.updated", 1793610900, drifted);
    const parsed = await parse(body);
    expect(parsed).toMatchObject({
      id: "evt_1SQ9b1Kz4aXbN2mPh3Tr6Yui",
      type: "customer.subscription.updated",
      skipped: "unreadable",
    });
    expect(parsed).toHaveProperty("reason", expect.stringContaining("data.object.status"));
    expect(parsed).toHaveProperty("reason", expect.stringContaining("data.object.items.data.0.current_period_end"));
    const lines = { ...failedInvoice.lines, data: [{ ...failedInvoice.lines.data[0], period: "2028" }] };
    const invoice = event("evt_1TbC4bKz4aXbN2mPe6Sd1Fgh", "invoice.payment_failed", 1825150700, {
      ...failedInvoice,
      lines,
    });
    expect(await parse(invoice)).toMatchObject({ skipped: "unreadable" });
    for (const unreadable of ["not json", JSON.stringify({ id: "evt_1SQ9c2Kz4aXbN2mP", object: "event" })]) {
      expect(await parse(unreadable)).toMatchObject({ skipped: "unreadable" });
    }
  });

  it("reads a subscription with fields the app does not know, and a status it does not know", async () => {
    const grown = subscription({ status: "hibernating", loyalty: { tier: 3 } });
    const body = event("evt_1SQ9d3Kz4aXbN2mPk4Ws7Zxc", "customer.subscription.updated", 1793610950, grown);
    expect(await parse(body)).toMatchObject({ subscription: { status: "incomplete", plan: "pro" } });
  });
});
