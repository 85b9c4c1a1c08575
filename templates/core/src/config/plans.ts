/**
 * The plans a user can be on, and what each allows. A product owner changes limits here; `users.plan` holds the id.
 */
export const plans = {
  free: { name: "Free", requestsPerMinute: 10 },
  pro: { name: "Pro", requestsPerMinute: 100 },
  enterprise: { name: "Enterprise", requestsPerMinute: 1000 },
} as const;

export type PlanId = keyof typeof plans;

/** The plan a stored plan id names; an id no longer configured falls back to Free. */
export function planById(id: string) {
  return id in plans ? plans[id as PlanId] : plans.free;
}

/** Rate limits count requests per user over this fixed window. */
export const RATE_LIMIT_WINDOW_MS = 60_000;
