import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { signUp } from "@/test/requests";
import { applyBillingEvent, claimCustomer, currentSubscription, recordCustomer } from "./store";
import type { BillingEvent, SubscriptionState } from "./types";

const PROVIDER = "test";
let sequence = 0;

function event(
  userId: string,
  at: string,
  state: Partial<SubscriptionState> = {},
  type: BillingEvent["type"] = "subscription.updated",
): BillingEvent {
  return {
    id: `evt_${++sequence}`,
    occurredAt: new Date(at),
    type,
    subscription: {
      subscriptionId: `sub_${userId}`,
      customerId: `cus_${userId}`,
      userId,
      plan: "pro",
      status: "active",
      currentPeriodEnd: new Date("2026-12-31T00:00:00Z"),
      cancelAtPeriodEnd: false,
      ended: false,
      ...state,
    },
  };
}

async function planOf(userId: string) {
  const [user] = await db.select({ plan: users.plan }).from(users).where(eq(users.id, userId));
  return user?.plan;
}

describe("applyBillingEvent", () => {
  it("moves the user to the subscription's plan, and back to Free when it ends", async () => {
    const user = await signUp();
    expect(
      await applyBillingEvent(PROVIDER, event(user.id, "2026-06-01T00:00:00Z", {}, "subscription.activated")),
    ).toBe("applied");
    expect(await planOf(user.id)).toBe("pro");
    expect(
      await applyBillingEvent(PROVIDER, event(user.id, "2026-06-02T00:00:00Z", { status: "canceled", ended: true })),
    ).toBe("applied");
    expect(await planOf(user.id)).toBe("free");
  });

  it("applies an event once, however often it is delivered, also all at once", async () => {
    const user = await signUp();
    const delivery = event(user.id, "2026-06-01T00:00:00Z", {}, "subscription.activated");
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => applyBillingEvent(PROVIDER, delivery)));
    expect(outcomes.filter((outcome) => outcome === "applied")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(19);
  });

  it("never lets an older event roll back a newer state", async () => {
    const user = await signUp();
    await applyBillingEvent(PROVIDER, event(user.id, "2026-06-03T00:00:00Z", { cancelAtPeriodEnd: true }));
    expect(
      await applyBillingEvent(PROVIDER, event(user.id, "2026-06-02T00:00:00Z", { cancelAtPeriodEnd: false })),
    ).toBe("stale");
    expect(await currentSubscription(user.id)).toMatchObject({ cancelAtPeriodEnd: true, plan: "pro" });
  });

  it("keeps the plan of a subscription whose renewal failed, as past due", async () => {
    const user = await signUp();
    await applyBillingEvent(PROVIDER, event(user.id, "2026-06-01T00:00:00Z", {}, "subscription.activated"));
    await applyBillingEvent(PROVIDER, event(user.id, "2026-07-01T00:00:00Z", {}, "payment.failed"));
    expect(await currentSubscription(user.id)).toMatchObject({ status: "past_due" });
    expect(await planOf(user.id)).toBe("pro");
  });

  it("finds the user by their stored customer when the event does not name them", async () => {
    const user = await signUp();
    await recordCustomer((await claimCustomer(user.id, PROVIDER))!, `cus_${user.id}`);
    const anonymous = event(user.id, "2026-06-01T00:00:00Z", { userId: null }, "subscription.activated");
    expect(await applyBillingEvent(PROVIDER, anonymous)).toBe("applied");
    expect(await planOf(user.id)).toBe("pro");
  });

  it("changes nothing for a subscription no user or plan of this app matches", async () => {
    const stranger = event("no-such-user", "2026-06-01T00:00:00Z", {}, "subscription.activated");
    expect(await applyBillingEvent(PROVIDER, stranger)).toBe("unmatched");
  });
});
