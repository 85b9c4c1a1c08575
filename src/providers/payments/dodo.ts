import type { EnvVar, ItemDescriptor } from "../types.js";
import { billing } from "./billing.js";

/** One of the four product ids the adapter's priceCatalog("DODO_PRODUCT", env) reads. */
const product = (plan: string, interval: string): EnvVar => ({
  name: `DODO_PRODUCT_${plan.toUpperCase()}_${interval.toUpperCase()}`,
  comment: `The id (pdt_...) of the Dodo Payments subscription product for ${plan}, billed ${interval}, from the Products page of Dodo's dashboard.`,
  schema: "z.string().min(1).optional()",
  example: "",
});

/** Dodo Payments for `--payments dodo`: the shared billing core plus the Dodo adapter over the dodopayments SDK. */
export const dodo: ItemDescriptor<"dodo"> = {
  id: "dodo",
  label: "Dodo Payments",
  hint: "merchant of record: checkout, tax and the customer portal",
  templates: "payments/dodo",
  requires: [billing],
  dependencies: ["dodopayments"],
  // The adapter's test signs its recorded webhooks with it; at run time the SDK brings its own.
  devDependencies: ["standardwebhooks"],
  env: [
    {
      name: "DODO_PAYMENTS_API_KEY",
      comment: "Dodo Payments API key, from the API Keys page of its dashboard. Without it the billing routes answer 503 NOT_CONFIGURED.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "DODO_PAYMENTS_WEBHOOK_KEY",
      comment: "The signing secret (whsec_...) of the webhook pointed at /api/webhooks/dodo, from the Webhooks page of Dodo's dashboard.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    product("pro", "monthly"),
    product("pro", "yearly"),
    product("enterprise", "monthly"),
    product("enterprise", "yearly"),
    {
      name: "DODO_PAYMENTS_ENVIRONMENT",
      comment: "test_mode for Dodo's test environment (test keys and products), live_mode for real payments. Unset: live_mode.",
      schema: 'z.enum(["test_mode", "live_mode"]).optional()',
      example: "test_mode",
    },
    {
      name: "DODO_PAYMENTS_API_BASE_URL",
      comment: "Another endpoint for Dodo's API, for local testing or a proxy; it wins over DODO_PAYMENTS_ENVIRONMENT. Unset: Dodo itself.",
      schema: "z.url().optional()",
      example: "",
    },
  ],
  nextSteps: [
    "Set DODO_PAYMENTS_API_KEY, DODO_PAYMENTS_WEBHOOK_KEY and the four DODO_PRODUCT_* product ids in .env, and point a Dodo Payments webhook at /api/webhooks/dodo",
  ],
};
