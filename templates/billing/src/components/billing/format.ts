import type { BillingInterval, Plan } from "./types";

/** A plan's price for an interval in the visitor's locale, without cents when it has none: "$20", "$1,999.50". */
export function formatPrice(plan: Plan, interval: BillingInterval): string {
  const amount = interval === "year" ? plan.yearlyPrice : plan.price;
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: plan.currency.toUpperCase(),
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

/** A date as people read it in their locale: "30 December 2026". */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(new Date(iso));
}
