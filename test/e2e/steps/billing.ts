import { expect } from "vitest";
import type { FakePaymentProvider, WebhookDelivery } from "../support/fake-payments/types.js";
import { appNameOf } from "../combinations.js";
import { Browser, type Reply } from "../support/http.js";
import { errorShape, type Suite, type TestUser } from "../support/suite.js";

/** Text as React writes it into HTML (the app name allows & and '). */
const asReactText = (text: string) => text.replaceAll("&", "&amp;").replaceAll("'", "&#x27;");

/** A webhook secret that is not the app's (base64 behind whsec_, as the providers' are). */
const WRONG_SECRET = "whsec_dGhlIHdyb25nIHNlY3JldCBlbnRpcmVseQ==";

/**
 * Billing against the provider's local fake, through its official SDK: plans, checkout, the signed webhooks that
 * make a user Pro (the next request gets the Pro limit), the portal, replays, forged and stale signatures, events the
 * app does not handle or cannot read, events out of order, cancel at period end, the end of a subscription, a failed
 * renewal, concurrent deliveries, and the provider down or not configured.
 */
export function billingSteps(suite: Suite): void {
  const { pipeline } = suite;
  const fake = () => suite.payments!;
  const webhookPath = () => `/api/webhooks/${fake().kind}`;
  const deliver = (delivery: WebhookDelivery) =>
    new Browser(suite.url).request("POST", webhookPath(), delivery.body, { ...delivery.headers, "content-type": "application/json" });
  const customerCreations = () =>
    fake().calls.filter((call) => call.method === "POST" && /\/customers\/?$/.test(call.path)).length;
  let ivy: TestUser;
  let subscriptionId = "";

  pipeline.step("billing: serves the plans to anyone", async () => {
    const reply = await new Browser(suite.url).get("/api/billing/plans");
    expect(reply.status).toBe(200);
    expect(reply.json.plans.map((plan: { id: string }) => plan.id)).toEqual(["free", "pro", "enterprise"]);
    expect(reply.json.plans[1]).toMatchObject({
      name: "Pro",
      interval: "month",
      limits: { requestsPerMinute: 100 },
      available: { month: true, year: true },
    });
    // The landing and pricing pages carry the plans and their prices in their HTML: nothing waits for the browser.
    for (const page of ["/", "/pricing"]) {
      const html = (await new Browser(suite.url).get(page)).text;
      // Under the name people see (--app-name, HTML-escaped), not the folder's.
      expect(html, page).toContain(asReactText(appNameOf(suite.combination, suite.appDir)));
      for (const plan of reply.json.plans as { name: string; price: number }[]) {
        expect(html, page).toContain(plan.name);
        expect(html, page).toContain(`$${plan.price}`);
      }
    }
  });

  pipeline.step("billing: refuses what it cannot sell, and a portal to a user who never paid", async () => {
    const lea = await suite.newUser("lea");
    for (const planId of ["platinum", "free"]) {
      const refused = await lea.browser.post("/api/checkout", { planId });
      expect([refused.status, refused.json]).toEqual([404, errorShape("PLAN_NOT_FOUND")]);
    }
    const invalid = await lea.browser.post("/api/checkout", { planId: "pro", interval: "weekly" });
    expect([invalid.status, invalid.json]).toEqual([400, errorShape("INVALID_REQUEST")]);
    const noPortal = await lea.browser.post("/api/billing/portal");
    expect([noPortal.status, noPortal.json]).toEqual([404, errorShape("NO_SUBSCRIPTION")]);
  });

  // ivy makes at most 10 requests in all below, so that Free's limit never hides what a reply says.
  pipeline.step("billing: checkout returns the provider's URL and makes the customer once; the payment's webhooks arrive", async () => {
    ivy = await suite.newUser("ivy");
    const before = await ivy.browser.get("/api/billing/subscription");
    expect([before.status, before.json]).toEqual([200, { plan: "free", status: "none", currentPeriodEnd: null, cancelAtPeriodEnd: false }]);

    const customersBefore = customerCreations();
    const first = await ivy.browser.post("/api/checkout", { planId: "pro" });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toEqual({ url: expect.any(String), sessionId: expect.any(String) });
    expect(new URL(first.json.url).origin).toBe(new URL(fake().baseUrl).origin);
    const again = await ivy.browser.post("/api/checkout", { planId: "pro", interval: "year" });
    expect(again.status, again.text).toBe(200);
    expect(customerCreations()).toBe(customersBefore + 1);

    const completed = fake().completeCheckout(first.json.sessionId);
    subscriptionId = completed.subscriptionId;
    for (const delivery of completed.deliveries) {
      const reply = await deliver(delivery);
      expect(reply.status, reply.text).toBe(200);
    }
  });

  pipeline.step("billing: the webhook makes the user Pro, and the very next request gets Pro's limit", async () => {
    const subscription = await ivy.browser.get("/api/billing/subscription");
    expect(subscription.status).toBe(200);
    expect(subscription.json).toMatchObject({ plan: "pro", status: "active", cancelAtPeriodEnd: false });
    expect(new Date(subscription.json.currentPeriodEnd).getTime()).toBeGreaterThan(Date.now());
    expect(subscription.headers.get("x-ratelimit-limit")).toBe("100");
    // The AI allowance is Pro's at once, and renews on the billing day: its period ends with the subscription's.
    const usage = await ivy.browser.get("/api/usage");
    expect(usage.json).toMatchObject({ plan: "pro", tokens: { limit: 5_000_000 } });
    expect(usage.json.period.end).toBe(new Date(subscription.json.currentPeriodEnd).toISOString());

    const twice = await ivy.browser.post("/api/checkout", { planId: "pro" });
    expect([twice.status, twice.json]).toEqual([409, errorShape("ALREADY_SUBSCRIBED")]);
    const portal = await ivy.browser.post("/api/billing/portal");
    expect(portal.status, portal.text).toBe(200);
    expect(portal.json.url).toMatch(/^https?:\/\//);
  });

  pipeline.step("billing: a replayed event, a forged or stale signature and a missing header change nothing", async () => {
    const renewed = fake().subscriptionEvent(subscriptionId, "cancel_at_period_end");
    expect((await deliver(renewed)).json).toMatchObject({ applied: true });
    const replay = await deliver(renewed);
    expect([replay.status, replay.json.applied]).toEqual([200, false]);

    const ended = fake().subscriptionEvent(subscriptionId, "ended");
    const refusals: Reply[] = [
      await deliver({ body: ended.body, headers: fake().sign(ended.body, { secret: WRONG_SECRET }) }),
      await deliver({ body: ended.body, headers: fake().sign(ended.body, { timestamp: new Date(Date.now() - 15 * 60_000) }) }),
      await deliver({ body: ended.body.replace(subscriptionId, `${subscriptionId}x`), headers: ended.headers }),
      ...(await Promise.all(
        fake().signatureHeaders.map((missing) =>
          deliver({ body: ended.body, headers: Object.fromEntries(Object.entries(ended.headers).filter(([name]) => name.toLowerCase() !== missing.toLowerCase())) }),
        ),
      )),
    ];
    for (const refused of refusals) expect([refused.status, refused.json]).toEqual([400, errorShape("INVALID_SIGNATURE")]);

    const state = await ivy.browser.get("/api/billing/subscription");
    expect(state.json).toMatchObject({ plan: "pro", status: "active", cancelAtPeriodEnd: true });
  });

  pipeline.step("billing: a signed event of a type it does not handle, or whose fields changed, is a 200 that changes nothing", async () => {
    // Answered 2xx, or the provider would retry it until it disables the endpoint; skipped, with one line in the log.
    for (const [delivery, skipped] of [
      [fake().unhandledEvent(subscriptionId), "ignored"],
      [fake().driftedEvent(subscriptionId), "unreadable"],
    ] as const) {
      const reply = await deliver(delivery);
      expect([reply.status, reply.json], reply.text).toEqual([200, { received: true, applied: false, outcome: "skipped" }]);
      const event = JSON.parse(delivery.body) as { id?: string; type: string };
      const id = delivery.headers["webhook-id"] ?? event.id;
      await expect.poll(() => suite.app!.output()).toContain(`webhook ${id} (${event.type}) skipped, ${skipped}: `);
    }
    // Verified first all the same: signed with another secret, it is refused.
    const unhandled = fake().unhandledEvent(subscriptionId);
    const forged = await deliver({ body: unhandled.body, headers: fake().sign(unhandled.body, { secret: WRONG_SECRET }) });
    expect([forged.status, forged.json]).toEqual([400, errorShape("INVALID_SIGNATURE")]);

    const state = await ivy.browser.get("/api/billing/subscription");
    expect(state.json).toMatchObject({ plan: "pro", status: "active", cancelAtPeriodEnd: true });
  });

  pipeline.step("billing: an older event delivered late does not roll back; the end returns the user to Free", async () => {
    const older = fake().subscriptionEvent(subscriptionId, "renewed", { at: new Date(Date.now() - 60 * 60_000) });
    expect((await deliver(older)).json).toMatchObject({ applied: false, outcome: "stale" });
    expect((await ivy.browser.get("/api/billing/subscription")).json).toMatchObject({ plan: "pro", cancelAtPeriodEnd: true });

    const ended = await deliver(fake().subscriptionEvent(subscriptionId, "ended", { at: new Date(Date.now() + 1_000) }));
    expect([ended.status, ended.json.applied]).toEqual([200, true]);
    const after = await ivy.browser.get("/api/billing/subscription");
    expect(after.json).toMatchObject({ plan: "free", status: "canceled" });
    expect(after.headers.get("x-ratelimit-limit")).toBe("10");
  });

  pipeline.step("billing: a failed renewal is past due and keeps the plan; 50 concurrent deliveries apply once", async () => {
    const jack = await suite.newUser("jack");
    const checkout = await jack.browser.post("/api/checkout", { planId: "enterprise" });
    expect(checkout.status, checkout.text).toBe(200);
    const completed = fake().completeCheckout(checkout.json.sessionId);
    const failed = fake().subscriptionEvent(completed.subscriptionId, "payment_failed", { at: new Date(Date.now() + 1_000) });
    for (const delivery of completed.deliveries) expect((await deliver(delivery)).status).toBe(200);

    const replies = await Promise.all(Array.from({ length: 50 }, () => deliver(failed)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(50).fill(200));
    expect(replies.filter((reply) => reply.json.applied)).toHaveLength(1);
    const state = await jack.browser.get("/api/billing/subscription");
    expect(state.json).toMatchObject({ plan: "enterprise", status: "past_due" });
    expect(state.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  pipeline.step("billing: the provider down is a 502, its keys missing a 503 naming the variable", async () => {
    const kim = await suite.newUser("kim");
    fake().failing = true;
    try {
      const down = await kim.browser.post("/api/checkout", { planId: "pro" });
      expect([down.status, down.json]).toEqual([502, errorShape("PROVIDER_ERROR")]);
    } finally {
      fake().failing = false;
    }
    const keyVar = paymentKeyVar(fake());
    const unconfigured = await suite.startAnotherApp({ [keyVar]: "" });
    const reply = await kim.browser.request("POST", "/api/checkout", { planId: "pro" }, {}, unconfigured.url);
    expect([reply.status, reply.json]).toEqual([503, errorShape("NOT_CONFIGURED")]);
    expect(reply.json.error).toContain(keyVar);

    // What people see meanwhile: every plan, its button saying it is not available yet, and no setting's name.
    const plans = await kim.browser.request("GET", "/api/billing/plans", undefined, {}, unconfigured.url);
    expect(plans.json.plans.map((plan: { id: string; available: object }) => [plan.id, plan.available])).toEqual([
      ["free", { month: true, year: true }],
      ["pro", { month: false, year: false }],
      ["enterprise", { month: false, year: false }],
    ]);
    for (const page of ["/billing", "/pricing"]) {
      const html = await kim.browser.request("GET", page, undefined, {}, unconfigured.url);
      expect(html.status, page).toBe(200);
      expect(html.text, page).not.toContain(keyVar);
      expect(html.text, page).not.toMatch(/in the environment|\.env\b/);
      if (page === "/billing") expect(html.text).toContain("Not available yet");
    }
    expect(unconfigured.output()).toContain(`Billing: Pro (monthly) cannot be bought yet.`);
  });
}

/** The env var holding the provider's API key, as the fake hands it to the app. */
function paymentKeyVar(fake: FakePaymentProvider): string {
  const name = Object.keys(fake.appEnv).find((candidate) => /_(SECRET_KEY|ACCESS_TOKEN|API_KEY)$/.test(candidate));
  if (!name) throw new Error(`The ${fake.kind} fake's env has no API key variable`);
  return name;
}
