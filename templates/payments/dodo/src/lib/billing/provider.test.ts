import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { InvalidSignatureError, type PaymentProvider } from "./types";

// Dodo's webhook secrets are base64 behind a whsec_ prefix, as the SDK (standardwebhooks) reads them.
const SECRET = `whsec_${Buffer.from("the signing secret of a test webhook").toString("base64")}`;
const PRO_MONTHLY = "pdt_0NVpYnGqHkTHoBbp1Q0xP";

/** A subscription.active delivery as Dodo sent it, for a checkout that carried our user id and plan. */
const recorded = {
  business_id: "bus_QLkaVRYcFd6i4ZjrWwx9s",
  data: {
    addons: [],
    billing: { city: "San Francisco", country: "US", state: "CA", street: "1 Market St", zipcode: "94105" },
    brand_id: "bus_QLkaVRYcFd6i4ZjrWwx9s",
    cancel_at_next_billing_date: false,
    cancelled_at: null,
    created_at: "2026-03-02T09:14:07.412593Z",
    credit_entitlement_cart: [],
    currency: "USD",
    customer: {
      customer_id: "cus_6kXhJ2cT0pRzW8yQn3LmA",
      email: "ivy@example.com",
      metadata: { userId: "user_from_customer" },
      name: "Ivy",
      phone_number: null,
    },
    discount_cycles_remaining: null,
    discount_id: null,
    discounts: [],
    expires_at: "2036-03-02T00:00:00Z",
    has_payment_method: true,
    metadata: { plan: "pro", userId: "user_42" },
    meter_credit_entitlement_cart: [],
    meters: [],
    next_billing_date: "2026-04-02T09:14:07.412593Z",
    on_demand: false,
    past_due_ends_at: null,
    paused_at: null,
    payload_type: "Subscription",
    payment_frequency_count: 1,
    payment_frequency_interval: "Month",
    payment_method_id: "pm_Bw3MZb7yVq1nH0eRtK5sd",
    previous_billing_date: "2026-03-02T09:14:07.412593Z",
    product_id: PRO_MONTHLY,
    quantity: 1,
    recurring_pre_tax_amount: 1900,
    scheduled_change: null,
    status: "active",
    subscription_id: "sub_9GpW3sYfLq2xD7vNkE1aT",
    subscription_period_count: 10,
    subscription_period_interval: "Year",
    tax_id: null,
    tax_inclusive: false,
    trial_period_days: 0,
  },
  timestamp: "2026-03-02T09:14:09.815274Z",
  type: "subscription.active",
};

/** The recorded delivery as another event type, with some of its subscription's fields changed. */
function event(type: string, data: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...recorded, type, data: { ...recorded.data, ...data } });
}

/** The headers Dodo sends with a delivery, signed as Standard Webhooks sign it. */
function signed(body: string, { id = "msg_2tH8dVfQ0kLmN3pR", at = new Date(), secret = SECRET } = {}): Headers {
  return new Headers({
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  });
}

let provider: PaymentProvider;

beforeAll(async () => {
  // No API key: webhooks verify with the webhook key alone.
  vi.stubEnv("DODO_PAYMENTS_WEBHOOK_KEY", SECRET);
  vi.stubEnv("DODO_PRODUCT_PRO_MONTHLY", PRO_MONTHLY);
  ({ paymentProvider: provider } = await import("./provider"));
});

describe("the Dodo Payments adapter's webhooks", () => {
  it("reads subscription.active as the activation, with the user and plan the checkout carried", async () => {
    const body = event("subscription.active");
    expect(await provider.parseWebhook(body, signed(body, { id: "msg_active" }))).toEqual({
      id: "msg_active",
      occurredAt: new Date("2026-03-02T09:14:09.815Z"),
      type: "subscription.activated",
      subscription: {
        subscriptionId: "sub_9GpW3sYfLq2xD7vNkE1aT",
        customerId: "cus_6kXhJ2cT0pRzW8yQn3LmA",
        userId: "user_42",
        plan: "pro",
        status: "active",
        currentPeriodEnd: new Date("2026-04-02T09:14:07.412Z"),
        cancelAtPeriodEnd: false,
        ended: false,
      },
    });
  });

  it("reads a cancel in the portal (subscription.updated) as a cancel at period end, still active", async () => {
    const body = event("subscription.updated", { cancel_at_next_billing_date: true });
    expect(await provider.parseWebhook(body, signed(body))).toMatchObject({
      type: "subscription.updated",
      subscription: { status: "active", cancelAtPeriodEnd: true, ended: false },
    });
  });

  it("reads subscription.cancelled as the end of the subscription, now", async () => {
    const body = event("subscription.cancelled", { status: "cancelled", cancelled_at: "2026-03-20T11:00:00Z" });
    expect(await provider.parseWebhook(body, signed(body))).toMatchObject({
      type: "subscription.canceled",
      subscription: { status: "canceled", ended: true, plan: "pro", userId: "user_42" },
    });
  });

  it("reads a failed renewal (subscription.on_hold) as payment.failed, past due and not ended", async () => {
    const body = event("subscription.on_hold", { status: "on_hold" });
    expect(await provider.parseWebhook(body, signed(body))).toMatchObject({
      type: "payment.failed",
      subscription: { status: "past_due", ended: false, plan: "pro" },
    });
  });

  it("takes the user id from the customer when the subscription's metadata has none", async () => {
    const body = event("subscription.renewed", { metadata: {} });
    expect(await provider.parseWebhook(body, signed(body))).toMatchObject({
      subscription: { userId: "user_from_customer" },
    });
  });

  it("skips payment.failed (it carries no subscription state) and event types it has no use for", async () => {
    const { billing, brand_id, customer, subscription_id } = recorded.data;
    const payment = JSON.stringify({
      business_id: recorded.business_id,
      data: {
        billing,
        brand_id,
        business_id: recorded.business_id,
        created_at: "2026-04-02T09:14:11.204481Z",
        currency: "USD",
        customer,
        digital_products_delivered: false,
        disputes: [],
        error_code: "INSUFFICIENT_FUNDS",
        error_message: "The card has insufficient funds.",
        is_multi_subscription: false,
        is_update_payment_method: false,
        metadata: {},
        payload_type: "Payment",
        payment_id: "pay_1sQ7cW2eXr9Tn4BvLm0Zk",
        payment_provider: "dodo",
        product_cart: [{ product_id: PRO_MONTHLY, quantity: 1 }],
        refunds: [],
        retry_attempt: 1,
        settlement_amount: 1900,
        settlement_currency: "USD",
        status: "failed",
        subscription_id,
        subscription_ids: [subscription_id],
        total_amount: 1900,
      },
      timestamp: "2026-04-02T09:14:12.009315Z",
      type: "payment.failed",
    });
    expect(await provider.parseWebhook(payment, signed(payment, { id: "msg_payment" }))).toEqual({
      id: "msg_payment",
      type: "payment.failed",
      skipped: "ignored",
      reason: expect.any(String),
    });
    const unknown = event("subscription.hibernated");
    expect(await provider.parseWebhook(unknown, signed(unknown))).toMatchObject({
      type: "subscription.hibernated",
      skipped: "ignored",
    });
  });

  it("skips a verified subscription event whose fields Dodo changed, naming the field", async () => {
    // The customer now an id string and the next billing date a number of seconds: the app cannot read either.
    const body = event("subscription.renewed", {
      customer: "cus_6kXhJ2cT0pRzW8yQn3LmA",
      next_billing_date: 1775121247,
    });
    const parsed = await provider.parseWebhook(body, signed(body, { id: "msg_drifted" }));
    expect(parsed).toMatchObject({ id: "msg_drifted", type: "subscription.renewed", skipped: "unreadable" });
    expect(parsed).toHaveProperty("reason", expect.stringContaining("data.customer"));
    expect(parsed).toHaveProperty("reason", expect.stringContaining("data.next_billing_date"));
    const noTimestamp = JSON.stringify({ ...recorded, timestamp: undefined, type: "subscription.active" });
    expect(await provider.parseWebhook(noTimestamp, signed(noTimestamp))).toMatchObject({ skipped: "unreadable" });
    const notJson = "<html>gateway</html>";
    expect(await provider.parseWebhook(notJson, signed(notJson))).toMatchObject({ skipped: "unreadable" });
  });

  it("reads a subscription event with fields the app does not know, and a status it does not know", async () => {
    const body = event("subscription.updated", { status: "hibernating", loyalty: { tier: 3 } });
    expect(await provider.parseWebhook(body, signed(body))).toMatchObject({
      type: "subscription.updated",
      subscription: { status: "incomplete", plan: "pro", userId: "user_42" },
    });
  });

  it("refuses a wrong secret, a stale timestamp, a changed body and each missing header, whatever the type", async () => {
    const body = event("subscription.cancelled", { status: "cancelled" });
    const otherSecret = `whsec_${Buffer.from("somebody else's secret").toString("base64")}`;
    const unhandled = event("license_key.created");
    const refused: [string, Headers][] = [
      [body, signed(body, { secret: otherSecret })],
      [body, signed(body, { at: new Date(Date.now() - 10 * 60_000) })],
      [body.replace("sub_9GpW3sYfLq2xD7vNkE1aT", "sub_someone_else"), signed(body)],
      [unhandled, signed(unhandled, { secret: otherSecret })],
    ];
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      const headers = signed(body);
      headers.delete(name);
      refused.push([body, headers]);
    }
    for (const [rawBody, headers] of refused) {
      await expect(provider.parseWebhook(rawBody, headers)).rejects.toBeInstanceOf(InvalidSignatureError);
    }
  });
});
