"use client";

import { useEffect, useState } from "react";
import { FormAlert } from "@/components/auth/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { apiResponse, messageOf } from "@/lib/api/browser";

interface Me {
  plan: { id: string; name: string; requestsPerMinute: number };
}

interface Usage {
  planName: string;
  limit: number;
  used: number;
}

/**
 * The user's plan and how much of this minute's request allowance is spent, read from the rate-limit headers of
 * GET /api/me (which counts as a request itself, like every call to the API).
 */
export function PlanUsageSection() {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  async function refresh() {
    setLoading(true);
    setError(null);
    try {
      setUsage(await readUsage());
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    let active = true;
    readUsage()
      .then(
        (read) => {
          if (active) setUsage(read);
        },
        (caught: unknown) => {
          if (active) setError(messageOf(caught));
        },
      )
      .finally(() => {
        if (active) setLoading(false);
      });
    return () => {
      active = false;
    };
  }, []);

  return (
    <Card aria-labelledby="plan-title">
      <CardHeader>
        <CardTitle id="plan-title">Plan &amp; usage</CardTitle>
        <CardDescription>Your plan sets how many API requests you can make each minute.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {usage ? (
          <dl className="grid gap-4 sm:grid-cols-2">
            <div className="grid gap-1">
              <dt className="text-sm text-muted-foreground">Plan</dt>
              <dd className="text-lg font-semibold" data-testid="plan-name">
                {usage.planName}
              </dd>
            </div>
            <div className="grid gap-1">
              <dt className="text-sm text-muted-foreground">This minute</dt>
              <dd data-testid="rate-limit" className="grid gap-2">
                <span>
                  <span className="text-lg font-semibold">{usage.used}</span> of {usage.limit} requests used this minute
                </span>
                {/* The sentence above says it for screen readers; the bar is for the eye. */}
                <span aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-muted">
                  <span
                    className="block h-full rounded-full bg-primary"
                    style={{ width: `${Math.min(100, (usage.used / usage.limit) * 100)}%` }}
                  />
                </span>
              </dd>
            </div>
          </dl>
        ) : (
          !error && <p className="text-sm text-muted-foreground">Loading…</p>
        )}
        <FormAlert message={error} />
      </CardContent>
      <CardFooter>
        <Button variant="outline" size="sm" onClick={refresh} disabled={loading}>
          Refresh
        </Button>
      </CardFooter>
    </Card>
  );
}

/** The plan and this minute's use, from GET /api/me and its rate-limit headers. */
async function readUsage(): Promise<Usage> {
  const response = await apiResponse("/api/me");
  const me = (await response.json()) as Me;
  const limit = Number(response.headers.get("x-ratelimit-limit") ?? me.plan.requestsPerMinute);
  const remaining = Number(response.headers.get("x-ratelimit-remaining") ?? limit);
  return { planName: me.plan.name, limit, used: limit - remaining };
}
