import { planById } from "@/config/plans";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { requireCaller } from "@/lib/auth/page-session";
import { formatDate } from "@/lib/ui/format-date";
import { rateLimitStatus } from "@/lib/ratelimit/limit";
import { aiUsageOf } from "@/lib/usage/quota";
import { RefreshButton } from "./refresh-button";

/**
 * The user's plan, how much of this minute's request allowance and of this month's AI tokens is spent, read on the
 * server without counting a request (looking at an allowance does not spend it); Refresh reads them again.
 */
export async function PlanUsageSection() {
  const caller = await requireCaller();
  const plan = planById(caller.plan);
  const [status, ai] = await Promise.all([rateLimitStatus(caller.userId, caller.plan), aiUsageOf(caller)]);
  const limit = Number(status["X-RateLimit-Limit"] ?? plan.requestsPerMinute);
  const used = limit - Number(status["X-RateLimit-Remaining"] ?? limit);

  return (
    <Card aria-labelledby="plan-title">
      <CardHeader>
        <CardTitle id="plan-title">Plan &amp; usage</CardTitle>
        <CardDescription>
          Your plan sets how many API requests you can make each minute, and how much AI a month.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div className="grid gap-1">
            <dt className="text-sm text-muted-foreground">Plan</dt>
            <dd className="text-lg font-semibold" data-testid="plan-name">
              {plan.name}
            </dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-sm text-muted-foreground">This minute</dt>
            <dd data-testid="rate-limit" className="grid gap-2">
              <span>
                <span className="text-lg font-semibold">{used}</span> of {limit} requests used this minute
              </span>
              <UsageBar used={used} limit={limit} />
            </dd>
          </div>
          <div className="grid gap-1 sm:col-span-2">
            <dt className="text-sm text-muted-foreground">AI this month</dt>
            <dd data-testid="ai-usage" className="grid gap-2">
              <span>
                <span className="text-lg font-semibold">{ai.tokens.used.toLocaleString("en-US")}</span> of{" "}
                {ai.tokens.limit.toLocaleString("en-US")} tokens used; renews {formatDate(ai.periodDates.end)}
              </span>
              <UsageBar used={ai.tokens.used} limit={ai.tokens.limit} />
            </dd>
          </div>
        </dl>
      </CardContent>
      <CardFooter>
        <RefreshButton />
      </CardFooter>
    </Card>
  );
}

/** How much of an allowance is spent, for the eye: the sentence beside it says it for screen readers. */
function UsageBar({ used, limit }: { used: number; limit: number }) {
  const share = limit > 0 ? Math.min(100, (used / limit) * 100) : 100;
  return (
    <span aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-muted">
      <span className="block h-full rounded-full bg-primary" style={{ width: `${share}%` }} />
    </span>
  );
}
