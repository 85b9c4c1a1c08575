import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/api/caller";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { billingCustomers } from "@/lib/db/schema";
import { signUp } from "@/test/requests";
import { startCheckout } from "./checkout";
import { paymentProvider } from "./provider";

let made = 0;

/** The provider, faked: each customer takes `delayMs` to make; a checkout names the customer it is for. */
function fakeProvider({ delayMs = 20 } = {}) {
  vi.spyOn(paymentProvider, "requireCheckoutSettings").mockReturnValue(undefined);
  const createCustomer = vi.spyOn(paymentProvider, "createCustomer").mockImplementation(async () => {
    await sleep(delayMs);
    return `cus_${++made}`;
  });
  const createCheckout = vi
    .spyOn(paymentProvider, "createCheckout")
    .mockImplementation(async ({ customerId }) => ({ url: `https://pay.example/${customerId}`, sessionId: "cs_1" }));
  return { createCustomer, createCheckout };
}

async function newCaller(): Promise<Caller> {
  const user = await signUp();
  return { userId: user.id, email: user.email, plan: "free" };
}

const customerRows = (userId: string) => db.select().from(billingCustomers).where(eq(billingCustomers.userId, userId));

afterEach(() => {
  vi.restoreAllMocks();
});

describe("startCheckout", () => {
  it("makes one customer for six concurrent first checkouts, and every checkout uses it", async () => {
    const { createCustomer, createCheckout } = fakeProvider({ delayMs: 200 });
    const caller = await newCaller();

    const sessions = await Promise.all(Array.from({ length: 6 }, () => startCheckout(caller, "pro", "month")));

    expect(sessions).toHaveLength(6);
    expect(createCustomer).toHaveBeenCalledTimes(1);
    const rows = await customerRows(caller.userId);
    expect(rows).toHaveLength(1);
    const used = new Set(createCheckout.mock.calls.map(([input]) => input.customerId));
    expect([...used]).toEqual([rows[0]!.customerId]);
  });

  it("reuses the customer on a later checkout", async () => {
    const { createCustomer } = fakeProvider();
    const caller = await newCaller();
    await startCheckout(caller, "pro", "month");
    await startCheckout(caller, "enterprise", "year");
    expect(createCustomer).toHaveBeenCalledTimes(1);
  });

  it("stores nothing when the provider fails to make the customer, so the next checkout makes it", async () => {
    const { createCustomer } = fakeProvider();
    createCustomer.mockRejectedValueOnce(new Error("connection refused"));
    const caller = await newCaller();

    const failed = await startCheckout(caller, "pro", "month").catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as ApiError).code).toBe("PROVIDER_ERROR");
    expect(await customerRows(caller.userId)).toEqual([]);

    await startCheckout(caller, "pro", "month");
    expect((await customerRows(caller.userId)).map((row) => row.customerId)).toEqual([expect.stringMatching(/^cus_/)]);
  });

  it("takes over the claim of a first checkout that died before it stored its customer", async () => {
    const { createCustomer } = fakeProvider();
    const caller = await newCaller();
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await db
      .insert(billingCustomers)
      .values({ userId: caller.userId, provider: paymentProvider.id, customerId: null, createdAt: longAgo });

    await startCheckout(caller, "pro", "month");
    expect(createCustomer).toHaveBeenCalledTimes(1);
    expect((await customerRows(caller.userId)).map((row) => row.customerId)).toEqual([expect.stringMatching(/^cus_/)]);
  });

  it("makes no customer while the provider lacks a setting the checkout needs", async () => {
    const { createCustomer } = fakeProvider();
    vi.spyOn(paymentProvider, "requireCheckoutSettings").mockImplementation(() => {
      throw new ApiError("NOT_CONFIGURED", "Billing is not configured: set THE_PRICE in the environment.");
    });
    const caller = await newCaller();

    const refused = await startCheckout(caller, "pro", "month").catch((error: unknown) => error);
    expect((refused as ApiError).code).toBe("NOT_CONFIGURED");
    expect(createCustomer).not.toHaveBeenCalled();
    expect(await customerRows(caller.userId)).toEqual([]);
  });
});
