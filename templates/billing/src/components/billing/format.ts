import type { BillingInterval, Plan } from "./types";

/*
 * Prices are rendered on the server and again in the browser, so both use one locale (the app's own English) and the
 * two renders agree; dates go through src/lib/ui/format-date.ts, for the same reason.
 */

/** A plan's price for an interval, without cents when it has none: "$20", "$1,999.50". */
export function formatPrice(plan: Plan, interval: BillingInterval): string {
  const amount = interval === "year" ? plan.yearlyPrice : plan.price;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: plan.currency.toUpperCase(),
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}
