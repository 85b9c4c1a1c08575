import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { billingCustomers } from "@/lib/db/schema";
import { paymentProvider } from "@/lib/billing/provider";
import { call, signUp } from "@/test/requests";
import { POST } from "./route";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("/api/checkout", () => {
  it.each(["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "free", "platinum"])(
    "answers 404 PLAN_NOT_FOUND to plan %j, before any customer is made or stored",
    async (planId) => {
      const createCustomer = vi.spyOn(paymentProvider, "createCustomer").mockResolvedValue("cus_never");
      const createCheckout = vi
        .spyOn(paymentProvider, "createCheckout")
        .mockResolvedValue({ url: "https://pay.example/never", sessionId: "cs_never" });
      const user = await signUp();

      const response = await call(POST, { method: "POST", as: user, body: { planId } });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: expect.any(String),
        code: "PLAN_NOT_FOUND",
        details: { plans: ["pro", "enterprise"] },
      });
      expect(createCustomer).not.toHaveBeenCalled();
      expect(createCheckout).not.toHaveBeenCalled();
      expect(await db.select().from(billingCustomers).where(eq(billingCustomers.userId, user.id))).toEqual([]);
    },
  );
});
