/**
 * The plans a user can be on, what each costs and what each allows. A product owner changes them here; `users.plan`
 * holds the id. `aiTokensPerMonth` is each plan's AI allowance (input and output tokens as the provider counts them),
 * which AI_MONTHLY_TOKENS_FREE, _PRO and _ENTERPRISE override without a code change. Prices are in whole units of `PRICE_CURRENCY`; the payment provider's own prices must match them.
 */
export const plans = {
  free: {
    name: "Free",
    price: { month: 0, year: 0 },
    features: ["AI chat with every model on offer", "100,000 AI tokens a month", "10 API requests a minute"],
    requestsPerMinute: 10,
    aiTokensPerMonth: 100_000,
  },
  pro: {
    name: "Pro",
    price: { month: 20, year: 200 },
    features: ["Everything in Free", "5 million AI tokens a month", "100 API requests a minute", "Email support"],
    requestsPerMinute: 100,
    aiTokensPerMonth: 5_000_000,
  },
  enterprise: {
    name: "Enterprise",
    price: { month: 200, year: 2000 },
    features: ["Everything in Pro", "100 million AI tokens a month", "1,000 API requests a minute", "Priority support"],
    requestsPerMinute: 1000,
    aiTokensPerMonth: 100_000_000,
  },
} as const;

export const PRICE_CURRENCY = "usd";

export type PlanId = keyof typeof plans;

/**
 * Whether an id (a client's, a stored one) names one of the plans above: their own keys only, never what every
 * object inherits (`constructor`, `toString`, `__proto__`).
 */
export function isPlanId(id: string): id is PlanId {
  return Object.hasOwn(plans, id);
}

/** The id of the plan a stored plan id names; an id no longer configured falls back to Free. */
export function planIdOf(id: string): PlanId {
  return isPlanId(id) ? id : "free";
}

/** The plan a stored plan id names; an id no longer configured falls back to Free. */
export function planById(id: string) {
  return plans[planIdOf(id)];
}

/** Plans in the order they rise: a user with two subscriptions gets the higher plan. */
export const planRank: readonly PlanId[] = ["free", "pro", "enterprise"];

/** Rate limits count requests per user over this fixed window. */
export const RATE_LIMIT_WINDOW_MS = 60_000;
