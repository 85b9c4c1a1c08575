import { planById } from "@/config/plans";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/page-session";
import { rateLimitStatus } from "@/lib/ratelimit/limit";
import { RefreshButton } from "./refresh-button";

/**
 * The user's plan and how much of this minute's request allowance is spent, read on the server without counting a
 * request (looking at the allowance does not spend it); Refresh reads it again.
 */
export async function PlanUsageSection() {
  const user = await requireUser();
  const plan = planById(user.plan);
  const status = await rateLimitStatus(user.id, user.plan);
  const limit = Number(status["X-RateLimit-Limit"] ?? plan.requestsPerMinute);
  const used = limit - Number(status["X-RateLimit-Remaining"] ?? limit);

  return (
    <Card aria-labelledby="plan-title">
      <CardHeader>
        <CardTitle id="plan-title">Plan &amp; usage</CardTitle>
        <CardDescription>Your plan sets how many API requests you can make each minute.</CardDescription>
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
              {/* The sentence above says it for screen readers; the bar is for the eye. */}
              <span aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-muted">
                <span
                  className="block h-full rounded-full bg-primary"
                  style={{ width: `${Math.min(100, (used / limit) * 100)}%` }}
                />
              </span>
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
