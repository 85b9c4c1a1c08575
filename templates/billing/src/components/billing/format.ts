import type { BillingInterval, Plan } from "./types";

/*
 * Prices and dates are rendered on the server and again in the browser, so both use one locale and zone (the app's
 * own English, UTC) and the two renders agree.
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

/** A date as people read it: "December 30, 2026". */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
}
