import { type PlanId, PRICE_CURRENCY, plans } from "@/config/plans";
import { paymentProvider } from "./provider";
import type { BillingInterval } from "./types";

const INTERVALS: BillingInterval[] = ["month", "year"];

/** What the payment provider lacks for checkouts, each a sentence naming the setting; logged once per setting. */
const logged = new Set<string>();

/**
 * The plans as the pricing and billing pages show them and GET /api/billing/plans lists them, cheapest first:
 * monthly price, the yearly one, features and limits, and at which intervals a checkout can start now (a paid plan
 * whose provider settings are missing cannot: its buttons say it is not available yet, and the server log says what
 * to set).
 */
export function planCatalog() {
  return (Object.keys(plans) as PlanId[]).map((id) => {
    const plan = plans[id];
    return {
      id,
      name: plan.name,
      price: plan.price.month,
      interval: "month",
      yearlyPrice: plan.price.year,
      currency: PRICE_CURRENCY,
      features: plan.features,
      limits: { requestsPerMinute: plan.requestsPerMinute },
      available: { month: checkoutMissing(id, "month") === null, year: checkoutMissing(id, "year") === null },
    };
  });
}

/**
 * What the operator must set before checkouts start, one sentence each; nothing when billing is ready. For the
 * billing page's development-only banner.
 */
export function missingCheckoutSettings(): string[] {
  const missing = (Object.keys(plans) as PlanId[]).flatMap((id) =>
    INTERVALS.flatMap((interval) => checkoutMissing(id, interval) ?? []),
  );
  return [...new Set(missing)];
}

/** Why a checkout for the plan at the interval cannot start (the setting to set), or null when it can. */
function checkoutMissing(plan: PlanId, interval: BillingInterval): string | null {
  if (plan === "free") return null;
  try {
    paymentProvider.requireCheckoutSettings(plan, interval);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!logged.has(message)) {
      logged.add(message);
      console.warn(`Billing: ${plans[plan].name} (${interval}ly) cannot be bought yet. ${message}`);
    }
    return message;
  }
}
