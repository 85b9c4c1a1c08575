import { requireSetting as requireFeatureSetting } from "@/lib/api/errors";
import type { BillingInterval, PaidPlanId } from "./types";

const PAID_PLANS: readonly PaidPlanId[] = ["pro", "enterprise"];
const INTERVAL_SUFFIX: Record<BillingInterval, string> = { month: "MONTHLY", year: "YEARLY" };

/** A setting the payment provider needs; its absence is a 503 that names the env var to set. */
export function requireSetting(name: string, value: string | undefined): string {
  return requireFeatureSetting("Billing", name, value);
}

/**
 * The provider's price (or product) id of each plan and interval, from env vars named `<prefix>_<PLAN>_<MONTHLY|YEARLY>`
 * (e.g. STRIPE_PRICE_PRO_MONTHLY), and the plan a price id is.
 */
export function priceCatalog(prefix: string, source: Record<string, unknown>) {
  const envName = (plan: PaidPlanId, interval: BillingInterval) =>
    `${prefix}_${plan.toUpperCase()}_${INTERVAL_SUFFIX[interval]}`;
  const valueOf = (name: string) =>
    Object.hasOwn(source, name) && typeof source[name] === "string" ? source[name] : undefined;
  return {
    idFor(plan: PaidPlanId, interval: BillingInterval): string {
      if (!PAID_PLANS.includes(plan)) throw new Error(`"${plan}" is not a paid plan.`);
      const name = envName(plan, interval);
      return requireSetting(name, valueOf(name));
    },
    planOf(id: string | null | undefined): PaidPlanId | null {
      if (!id) return null;
      for (const plan of PAID_PLANS) {
        for (const interval of Object.keys(INTERVAL_SUFFIX) as BillingInterval[]) {
          if (valueOf(envName(plan, interval)) === id) return plan;
        }
      }
      return null;
    },
  };
}
