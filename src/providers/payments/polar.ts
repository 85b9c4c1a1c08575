import type { ItemDescriptor } from "../types.js";
import { billing } from "./billing.js";

/** Polar (polar.sh) for `--payments polar`: the shared billing core plus the Polar adapter over @polar-sh/sdk. */
export const polar: ItemDescriptor<"polar"> = {
  id: "polar",
  label: "Polar",
  hint: "merchant of record: Polar handles sales tax; one product per plan and interval",
  templates: "payments/polar",
  requires: [billing],
  // The SDK verifies both of Polar's signing schemes itself (see provider.ts).
  dependencies: ["@polar-sh/sdk"],
  env: [
    {
      name: "POLAR_ACCESS_TOKEN",
      comment: "Polar organization access token (Settings > Developers in the Polar dashboard). Without it the billing routes answer 503 NOT_CONFIGURED.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "POLAR_WEBHOOK_SECRET",
      comment: "Secret of the webhook endpoint pointing at /api/webhooks/polar (Settings > Webhooks in the Polar dashboard).",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "POLAR_PRODUCT_PRO_MONTHLY",
      comment: "Polar product id of the pro plan billed monthly (Products in the Polar dashboard: the product's ID).",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "POLAR_PRODUCT_PRO_YEARLY",
      comment: "Polar product id of the pro plan billed yearly (Products in the Polar dashboard: the product's ID).",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "POLAR_PRODUCT_ENTERPRISE_MONTHLY",
      comment: "Polar product id of the enterprise plan billed monthly (Products in the Polar dashboard: the product's ID).",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "POLAR_PRODUCT_ENTERPRISE_YEARLY",
      comment: "Polar product id of the enterprise plan billed yearly (Products in the Polar dashboard: the product's ID).",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "POLAR_SERVER",
      comment: "Which Polar the API calls go to: sandbox (test payments, tokens from sandbox.polar.sh) or production. Unset: production.",
      schema: 'z.enum(["sandbox", "production"]).optional()',
      example: "",
    },
    {
      name: "POLAR_API_BASE_URL",
      comment: "Another endpoint for Polar's API, for local testing or a proxy; it wins over POLAR_SERVER. Unset: Polar itself.",
      schema: "z.url().optional()",
      example: "",
    },
  ],
  nextSteps: [
    "Set POLAR_ACCESS_TOKEN, POLAR_WEBHOOK_SECRET and the four POLAR_PRODUCT_* product ids in .env; Polar's webhook endpoint is /api/webhooks/polar (events subscription.created/active/updated/uncanceled/canceled/revoked/past_due)",
  ],
};
