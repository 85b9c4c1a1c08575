import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { InvalidSignatureError, type PaymentProvider } from "@/lib/billing/types";

const SECRET = "whsec_q9P2v3c0m7XlJ8sYbW4tZr1uKa6eNd5hGf2iLo3pQx0=";
const PRO_MONTHLY = "5b0c7f4e-2a6d-4c1b-9f3e-8d7a6b5c4e3f";
const ORGANIZATION_ID = "1dbfc517-0bbf-4301-9ba8-555ca42b9737";
const CUSTOMER_ID = "992fae2a-2a17-4b7a-8d9e-e287cf90131b";
const SUBSCRIPTION_ID = "e6a1c0d2-7b3f-4a59-8c1e-2f4d6b8a0c91";
const USER_ID = "usr_8f2k1m";

let provider: PaymentProvider;

beforeAll(async () => {
  vi.stubEnv("POLAR_WEBHOOK_SECRET", SECRET);
  vi.stubEnv("POLAR_PRODUCT_PRO_MONTHLY", PRO_MONTHLY);
  vi.stubEnv("POLAR_PRODUCT_PRO_YEARLY", "0c8e5a3d-91f4-4b27-a6d0-3e5f7c9b1a24");
  vi.stubEnv("POLAR_PRODUCT_ENTERPRISE_MONTHLY", "7d4b2e91-5c3a-4f86-b0e7-1a9c8d6f4b32");
  vi.stubEnv("POLAR_PRODUCT_ENTERPRISE_YEARLY", "a3f9c1e7-6b2d-4e58-9a04-c7d1b5e3f860");
  ({ paymentProvider: provider } = await import("./provider"));
});

const price = {
  created_at: "2026-10-01T12:00:03.114208Z",
  modified_at: null,
  id: "3f1e9d7c-5b4a-4c2e-8f0d-6a9b8c7d5e41",
  source: "catalog",
  amount_type: "fixed",
  price_currency: "usd",
  tax_behavior: null,
  is_archived: false,
  product_id: PRO_MONTHLY,
  price_amount: 2000,
};

/** A subscription as Polar's webhooks carry it (API version 2026-10), after a paid checkout for Pro, monthly. */
function subscription(fields: object = {}, customer: object = {}) {
  return {
    created_at: "2026-11-02T09:14:25.907113Z",
    modified_at: "2026-11-02T09:14:27.498301Z",
    id: SUBSCRIPTION_ID,
    amount: 2000,
    currency: "usd",
    recurring_interval: "month",
    recurring_interval_count: 1,
    status: "active",
    current_period_start: "2026-11-02T09:14:25.907113Z",
    current_period_end: "2026-12-02T09:14:25.907113Z",
    current_meter_period_start: null,
    current_meter_period_end: null,
    trial_start: null,
    trial_end: null,
    cancel_at_period_end: false,
    canceled_at: null,
    started_at: "2026-11-02T09:14:25.907113Z",
    ends_at: null,
    ended_at: null,
    past_due_at: null,
    pause_at_period_end: false,
    paused_at: null,
    resumes_at: null,
    customer_id: CUSTOMER_ID,
    product_id: PRO_MONTHLY,
    discount_id: null,
    checkout_id: "b2d4f6a8-1c3e-4a5b-9d7f-0e2c4a6b8d19",
    seats: null,
    units: null,
    customer_cancellation_reason: null,
    customer_cancellation_comment: null,
    metadata: { userId: USER_ID, plan: "pro" },
    custom_field_data: {},
    customer: {
      id: CUSTOMER_ID,
      created_at: "2026-11-02T09:13:58.201577Z",
      modified_at: "2026-11-02T09:14:25.907113Z",
      metadata: {},
      external_id: USER_ID,
      email: "ada@example.com",
      email_verified: false,
      type: "individual",
      name: "Ada Lovelace",
      billing_name: null,
      billing_address: { line1: null, line2: null, postal_code: null, city: null, state: null, country: "GB" },
      tax_id: null,
      locale: null,
      organization_id: ORGANIZATION_ID,
      default_payment_method_id: "6f0e2d4c-8a1b-4c3d-9e5f-7a8b9c0d1e2f",
      deleted_at: null,
      first_user_event_at: null,
      avatar_url: "https://www.gravatar.com/avatar/1f9d9a9efc2f523b2f09629444632b5c?d=404",
      ...customer,
    },
    product: {
      id: PRO_MONTHLY,
      created_at: "2026-10-01T12:00:03.114208Z",
      modified_at: null,
      trial_interval: null,
      trial_interval_count: null,
      name: "Pro (monthly)",
      description: null,
      visibility: "public",
      recurring_interval: "month",
      recurring_interval_count: 1,
      meter_interval: null,
      meter_interval_count: null,
      is_recurring: true,
      is_archived: false,
      organization_id: ORGANIZATION_ID,
      metadata: {},
      is_deletable: false,
      prices: [price],
      benefits: [],
      medias: [],
      attached_custom_fields: [],
    },
    discount: null,
    prices: [price],
    meters: [],
    pending_update: null,
    ...fields,
  };
}

/** A benefit as benefit.created carries it: a type Polar added after @polar-sh/sdk 0.47, whose parser refused it. */
const benefit = {
  id: "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d",
  created_at: "2026-11-03T10:00:00.000000Z",
  modified_at: null,
  type: "slack_shared_channel",
  description: "A shared Slack channel with our team",
  selectable: true,
  deletable: true,
  is_deleted: false,
  organization_id: ORGANIZATION_ID,
  metadata: {},
  visibility: "public",
  properties: {
    slack_integration_id: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
    channel_name_template: "acme-{customer}",
  },
  visibility_configurable: true,
};

/** The key Polar signs with today (Standard Webhooks): the base64 after `whsec_`, decoded. */
const standardKey = (secret: string) => Buffer.from(secret.slice("whsec_".length), "base64");
/** The key of Polar's first scheme, which older endpoints still use: the bytes of the whole secret string. */
const firstSchemeKey = (secret: string) => Buffer.from(secret, "utf-8");

/** A Standard Webhooks signature: HMAC-SHA256 of `<id>.<timestamp>.<body>`, as `v1,<base64>`. */
function signature(key: Buffer, id: string, sentAt: Date, body: string): string {
  const content = `${id}.${Math.floor(sentAt.getTime() / 1000)}.${body}`;
  return `v1,${createHmac("sha256", key).update(content).digest("base64")}`;
}

/** A delivery as Polar sends it: its raw body and headers, signed with the endpoint's secret (or `key`). */
function delivery(payload: object | string, options: { key?: Buffer; sentAt?: Date; id?: string } = {}) {
  const { key = standardKey(SECRET), sentAt = new Date(), id = "4c7e2a19-8b3d-4f60-a5c1-9e0d2b4f6a83" } = options;
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const headers = new Headers({
    "content-type": "application/json",
    "user-agent": "polar.sh webhooks",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": signature(key, id, sentAt, body),
  });
  return [body, headers] as const;
}

const event = (type: string, data: object) => ({
  type,
  timestamp: "2026-11-02T09:14:27.512384Z",
  api_version: "2026-10",
  data,
});

describe("Polar webhooks", () => {
  it("reads subscription.active as the activation of its product's plan, for the customer's external id", async () => {
    await expect(provider.parseWebhook(...delivery(event("subscription.active", subscription())))).resolves.toEqual({
      id: "4c7e2a19-8b3d-4f60-a5c1-9e0d2b4f6a83",
      occurredAt: new Date("2026-11-02T09:14:27.512Z"),
      type: "subscription.activated",
      subscription: {
        subscriptionId: SUBSCRIPTION_ID,
        customerId: CUSTOMER_ID,
        userId: USER_ID,
        plan: "pro",
        status: "active",
        currentPeriodEnd: new Date("2026-12-02T09:14:25.907Z"),
        cancelAtPeriodEnd: false,
        ended: false,
      },
    });
  });

  it("also verifies endpoints Polar signs its first way (the whole secret string is the key)", async () => {
    const id = "7e1d3c5a-0f2b-4d6e-8a9c-1b3d5f7a9c2e";
    const first = delivery(event("subscription.active", subscription()), { key: firstSchemeKey(SECRET), id });
    await expect(provider.parseWebhook(...first)).resolves.toMatchObject({ id, type: "subscription.activated" });
  });

  it("reads subscription.canceled as a cancel at the period's end: still active, not ended", async () => {
    const canceled = subscription({
      cancel_at_period_end: true,
      canceled_at: "2026-11-20T16:02:11.340562Z",
      ends_at: "2026-12-02T09:14:25.907113Z",
    });
    const parsed = await provider.parseWebhook(...delivery(event("subscription.canceled", canceled)));
    expect(parsed).toMatchObject({
      type: "subscription.canceled",
      subscription: { status: "active", cancelAtPeriodEnd: true, ended: false },
    });
  });

  it("reads subscription.revoked as ended now, the user id from the metadata when the customer has none", async () => {
    const revokedAt = "2026-11-20T16:02:11.340562Z";
    const revoked = subscription(
      { status: "canceled", canceled_at: revokedAt, ends_at: revokedAt, ended_at: revokedAt },
      { external_id: null },
    );
    const parsed = await provider.parseWebhook(...delivery(event("subscription.revoked", revoked)));
    expect(parsed).toMatchObject({
      type: "subscription.canceled",
      subscription: { userId: USER_ID, plan: "pro", status: "canceled", ended: true },
    });
  });

  it("reads a subscription.updated that went past_due as a failed payment, not an end", async () => {
    const pastDue = subscription({ status: "past_due" });
    const parsed = await provider.parseWebhook(...delivery(event("subscription.updated", pastDue)));
    expect(parsed).toMatchObject({ type: "payment.failed", subscription: { status: "past_due", ended: false } });
  });

  it("reads a paused subscription as granting no plan until it resumes, without ending it", async () => {
    const paused = subscription({ status: "paused", paused_at: "2026-11-20T16:02:11.340562Z" });
    const parsed = await provider.parseWebhook(...delivery(event("subscription.updated", paused)));
    expect(parsed).toMatchObject({ type: "subscription.updated", subscription: { status: "canceled", ended: false } });
  });

  const active = event("subscription.active", subscription());
  const otherSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const without = (name: string) => {
    const [body, headers] = delivery(active);
    headers.delete(name);
    return [body, headers] as const;
  };
  it.each([
    ["a signature made with another secret", () => delivery(active, { key: standardKey(otherSecret) })],
    ["another secret's first-scheme signature", () => delivery(active, { key: firstSchemeKey(otherSecret) })],
    ["a timestamp 10 minutes old", () => delivery(active, { sentAt: new Date(Date.now() - 600_000) })],
    ["a changed body", () => [JSON.stringify(active).replace(USER_ID, "usr_intruder"), delivery(active)[1]] as const],
    ["no webhook-signature header", () => without("webhook-signature")],
    ["no webhook-timestamp header", () => without("webhook-timestamp")],
    ["no webhook-id header", () => without("webhook-id")],
    // A type the app does not handle is verified all the same.
    [
      "an unhandled type under another secret",
      () => delivery(event("benefit.created", benefit), { key: standardKey(otherSecret) }),
    ],
  ])("refuses a delivery with %s", async (_case, make) => {
    await expect(provider.parseWebhook(...make())).rejects.toBeInstanceOf(InvalidSignatureError);
  });

  it("skips a verified event of a type the app does not handle, and one this SDK version does not know", async () => {
    await expect(provider.parseWebhook(...delivery(event("benefit.created", benefit)))).resolves.toEqual({
      id: "4c7e2a19-8b3d-4f60-a5c1-9e0d2b4f6a83",
      type: "benefit.created",
      skipped: "ignored",
      reason: expect.any(String),
    });
    const customer = subscription().customer;
    await expect(provider.parseWebhook(...delivery(event("customer.created", customer)))).resolves.toMatchObject({
      type: "customer.created",
      skipped: "ignored",
    });
    await expect(provider.parseWebhook(...delivery(event("customer.merged", customer)))).resolves.toMatchObject({
      type: "customer.merged",
      skipped: "ignored",
    });
  });

  it("skips a verified subscription event whose fields Polar changed, naming the fields", async () => {
    // The period end as a number, the customer id gone: the app cannot tell what the event says.
    const drifted = subscription({ current_period_end: 1796202865, customer_id: undefined });
    const parsed = await provider.parseWebhook(...delivery(event("subscription.updated", drifted)));
    expect(parsed).toMatchObject({ type: "subscription.updated", skipped: "unreadable" });
    expect(parsed).toHaveProperty("reason", expect.stringContaining("data.current_period_end"));
    expect(parsed).toHaveProperty("reason", expect.stringContaining("data.customer_id"));
    // A verified body that is not JSON at all.
    await expect(provider.parseWebhook(...delivery("<html>gateway</html>"))).resolves.toMatchObject({
      skipped: "unreadable",
    });
  });

  it("reads a subscription event that has fields the app does not know, and a status it does not know", async () => {
    const grown = subscription({ status: "hibernating", loyalty_tier: { level: 3 } }, { segment: "enterprise" });
    const parsed = await provider.parseWebhook(...delivery(event("subscription.updated", grown)));
    expect(parsed).toMatchObject({ type: "subscription.updated", subscription: { status: "incomplete", plan: "pro" } });
  });
});
