import { planById, planIdOf, type PlanId } from "@/config/plans";
import type { Caller } from "@/lib/api/caller";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/ui/format-date";
import { usageAnchors } from "./anchors";
import { type AllowancePeriod, allowancePeriod } from "./period";
import { tokensUsed } from "./store";

/** What `GET /api/usage` answers, and the settings page shows. */
export interface AiUsage {
  plan: PlanId;
  period: { start: string; end: string };
  tokens: { used: number; limit: number };
}

const overrides: Record<PlanId, number | undefined> = {
  free: env.AI_MONTHLY_TOKENS_FREE,
  pro: env.AI_MONTHLY_TOKENS_PRO,
  enterprise: env.AI_MONTHLY_TOKENS_ENTERPRISE,
};

/** A plan's monthly AI tokens: its AI_MONTHLY_TOKENS_<PLAN> when set, else src/config/plans.ts. */
export function monthlyTokens(plan: PlanId): number {
  return overrides[plan] ?? planById(plan).aiTokensPerMonth;
}

/** The allowance period the caller is in now: their billing month on a paid plan, else the calendar month (UTC). */
export async function currentPeriod(caller: Caller, now = new Date()): Promise<AllowancePeriod> {
  for (const anchorOf of usageAnchors) {
    const anchor = await anchorOf(caller.userId);
    if (anchor) return allowancePeriod(now, anchor);
  }
  return allowancePeriod(now);
}

/** The caller's plan, period, and tokens spent of its allowance: the plan as it is now, so an upgrade counts at once. */
export async function aiUsageOf(caller: Caller): Promise<AiUsage & { periodDates: AllowancePeriod }> {
  const plan = planIdOf(caller.plan);
  const period = await currentPeriod(caller);
  return {
    plan,
    period: { start: period.start.toISOString(), end: period.end.toISOString() },
    tokens: { used: await tokensUsed(caller.userId, period), limit: monthlyTokens(plan) },
    periodDates: period,
  };
}

/**
 * Refuses an AI call once the caller's allowance for the period is spent: 429 `QUOTA_EXCEEDED` with
 * `{ limit, used, resetsAt }`. A call that starts below it may take the count past it; the next one is refused.
 * Returns the period, for the answer's tokens to be added to.
 */
export async function assertWithinQuota(caller: Caller): Promise<AllowancePeriod> {
  const usage = await aiUsageOf(caller);
  const { used, limit } = usage.tokens;
  if (used < limit) return usage.periodDates;
  const resetsAt = usage.period.end;
  const seconds = Math.max(1, Math.ceil((usage.periodDates.end.getTime() - Date.now()) / 1000));
  throw new ApiError(
    "QUOTA_EXCEEDED",
    `This month's AI allowance of the ${planById(usage.plan).name} plan is used up (${used.toLocaleString("en-US")} of ${limit.toLocaleString("en-US")} tokens); it renews on ${formatDate(resetsAt)}.`,
    { limit, used, resetsAt },
    { "Retry-After": String(seconds) },
  );
}
