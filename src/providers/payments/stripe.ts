import type { EnvVar, ItemDescriptor } from "../types.js";
import { billing } from "./billing.js";

/** One of the four price ids the adapter's priceCatalog("STRIPE_PRICE", env) reads. */
const price = (name: string, plan: string, interval: string): EnvVar => ({
  name,
  comment: `Stripe price id (price_...) of the ${plan} plan billed ${interval}: Dashboard > Product catalog > the product > its price.`,
  schema: "z.string().min(1).optional()",
  example: "",
});

/** Stripe for `--payments stripe` (the default): the shared billing core plus the Stripe adapter over the stripe SDK. */
export const stripe: ItemDescriptor<"stripe"> = {
  id: "stripe",
  label: "Stripe",
  hint: "hosted Checkout and customer portal; one price per plan and interval",
  templates: "payments/stripe",
  requires: [billing],
  dependencies: ["stripe"],
  env: [
    {
      name: "STRIPE_SECRET_KEY",
      comment: "Stripe secret key (sk_test_... or sk_live_...): Dashboard > Developers > API keys. Unset: checkout and portal answer 503.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "STRIPE_WEBHOOK_SECRET",
      comment:
        "Signing secret (whsec_...) of the webhook endpoint for /api/webhooks/stripe, on the latest API version (the stripe SDK's): Dashboard > Developers > Webhooks, or `stripe listen --latest`.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    price("STRIPE_PRICE_PRO_MONTHLY", "Pro", "monthly"),
    price("STRIPE_PRICE_PRO_YEARLY", "Pro", "yearly"),
    price("STRIPE_PRICE_ENTERPRISE_MONTHLY", "Enterprise", "monthly"),
    price("STRIPE_PRICE_ENTERPRISE_YEARLY", "Enterprise", "yearly"),
    {
      name: "STRIPE_API_BASE_URL",
      comment: "Another endpoint for Stripe's API, for local testing or a proxy (e.g. http://127.0.0.1:12111); only its origin is used. Unset: Stripe itself.",
      schema: "z.url().optional()",
      example: "",
    },
  ],
  nextSteps: [
    "Set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and the four STRIPE_PRICE_* price ids in .env; Stripe's webhook endpoint is /api/webhooks/stripe (events customer.subscription.created/updated/deleted, invoice.payment_failed)",
  ],
};
