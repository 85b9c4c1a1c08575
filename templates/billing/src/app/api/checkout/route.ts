import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { startCheckout } from "@/lib/billing/checkout";

const checkoutBody = z.object({
  planId: z.string().min(1).max(64),
  interval: z.enum(["month", "year"]).default("month"),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: endpoint({ body: checkoutBody }, async ({ caller, body }) => startCheckout(caller, body.planId, body.interval)),
});
