/** How often a paid plan is billed. */
export type BillingInterval = "month" | "year";

/** A plan as GET /api/billing/plans describes it; prices are in whole units of `currency`. */
export interface Plan {
  id: string;
  name: string;
  price: number;
  yearlyPrice: number;
  currency: string;
  features: readonly string[];
  limits: { requestsPerMinute: number };
  /** Whether a checkout for it can start now, at each interval (the provider's settings are all there). */
  available: Record<BillingInterval, boolean>;
}

/** The caller's plan and subscription, as GET /api/billing/subscription answers (`free` and `none` before paying). */
export interface Subscription {
  plan: string;
  status: "none" | "active" | "trialing" | "past_due" | "canceled" | "incomplete";
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
}
