import type { ItemDescriptor } from "../types.js";

/**
 * What every payment provider brings besides its adapter: the billing routes, tables, error codes and docs
 * (templates/billing/), so `--payments stripe|polar|dodo` differ in one file, src/lib/billing/provider.ts.
 */
export const billing: ItemDescriptor<"billing"> = {
  id: "billing",
  label: "Billing",
  templates: "billing",
  schemaModules: ["billing"],
  navigation: [{ href: "/billing", label: "Billing", order: 50 }],
  homeSections: [{ name: "PricingSection", from: "@/components/billing/pricing-section" }],
  usageAnchors: [{ name: "billingPeriodEnd", from: "@/lib/billing/store" }],
  templateData: { upgradePath: "/billing" },
  errorCodes: [
    { code: "PLAN_NOT_FOUND", status: 404 },
    { code: "NO_SUBSCRIPTION", status: 404 },
    { code: "ALREADY_SUBSCRIBED", status: 409 },
    { code: "INVALID_SIGNATURE", status: 400 },
  ],
  routes: [
    { path: "/api/billing/plans", methods: "GET", auth: "public", summary: "the plans with their prices, features and limits" },
    {
      path: "/api/checkout",
      methods: "POST",
      auth: "yes",
      // In a Markdown table even a pipe inside code must be escaped.
      summary: '`{ "planId", "interval"?: "month" \\| "year" }`: `{ url, sessionId }` of the provider\'s checkout',
    },
    { path: "/api/billing/portal", methods: "POST", auth: "yes", summary: "`{ url }` of the provider's billing portal" },
    {
      path: "/api/billing/subscription",
      methods: "GET",
      auth: "yes",
      summary: "`{ plan, status, currentPeriodEnd, cancelAtPeriodEnd }` (`free` / `none` before any payment)",
    },
    {
      path: "/api/webhooks/<provider>",
      methods: "POST",
      auth: "signature",
      summary: "the provider's events, verified on the raw body; each applied once",
    },
  ],
  readme: [
    {
      title: "Billing",
      body:
        "Plans, prices and features are in `src/config/plans.ts`; the provider's price or product ids, keys and webhook\n" +
        "secret in `.env`. A checkout carries the user's id to the provider; the provider's webhooks\n" +
        "(`/api/webhooks/<provider>`) set the subscription and the user's plan, so the next request already gets the new\n" +
        "rate limit. Each event is applied once (its id is stored with its effect) and an older event never overrides a\n" +
        "newer state. A canceled subscription keeps its plan until the provider ends it; a failed renewal is `past_due`.\n" +
        "A verified event of a type the app does not handle, or whose fields the provider changed, is answered 200 and\n" +
        "logged as skipped (never a 500, which the provider would retry until it disables the endpoint).",
    },
  ],
};
