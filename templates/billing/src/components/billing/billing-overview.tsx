"use client";

import { useEffect, useState } from "react";
import { callApi, messageOf } from "@/lib/api/browser";
import { IntervalToggle } from "./interval-toggle";
import { PlanCard, PlanGrid, PlanGridPlaceholder } from "./plan-card";
import { SubscriptionCard } from "./subscription-card";
import type { BillingInterval, Plan, Subscription } from "./types";
import { UpgradeButton } from "./upgrade-button";
import { type Checkout, useCheckout } from "./use-checkout";
import { usePlans } from "./use-plans";

/** The billing page's content: the caller's subscription, then every plan with the way up to it. */
export function BillingOverview() {
  const { plans, error: plansError } = usePlans();
  const [subscription, setSubscription] = useState<Subscription | null>(null);
  const [subscriptionError, setSubscriptionError] = useState<string | null>(null);
  const [interval, setBillingInterval] = useState<BillingInterval>("month");
  const checkout = useCheckout();

  useEffect(() => {
    let current = true;
    callApi<Subscription>("/api/billing/subscription").then(
      (answer) => current && setSubscription(answer),
      (failure: unknown) => current && setSubscriptionError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, []);

  const error = plansError ?? subscriptionError;
  if (error) {
    return (
      <p role="alert" className="text-destructive">
        {error}
      </p>
    );
  }
  if (!plans || !subscription) {
    return (
      <div className="grid gap-8" aria-busy="true">
        <div aria-hidden="true" className="h-44 animate-pulse rounded-lg border bg-muted" />
        <PlanGridPlaceholder />
      </div>
    );
  }

  const currentRank = plans.findIndex((plan) => plan.id === subscription.plan);
  return (
    <div className="grid gap-8">
      <SubscriptionCard subscription={subscription} plan={plans[currentRank]} />
      <section aria-labelledby="plans-title" className="grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="plans-title" className="text-lg font-semibold">
            Plans
          </h2>
          <IntervalToggle value={interval} onChange={setBillingInterval} />
        </div>
        <PlanGrid>
          {plans.map((plan, rank) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              interval={interval}
              headingLevel="h3"
              current={rank === currentRank}
              action={
                <PlanAction
                  plan={plan}
                  interval={interval}
                  relation={Math.sign(rank - currentRank)}
                  checkout={checkout}
                />
              }
            />
          ))}
        </PlanGrid>
      </section>
    </div>
  );
}

interface PlanActionProps {
  plan: Plan;
  interval: BillingInterval;
  /** Where the plan is from the caller's: -1 below it, 0 theirs, 1 above it (the plans come cheapest first). */
  relation: number;
  checkout: Checkout;
}

/** An upgrade for a plan above the caller's; a plain note for theirs and those below (the portal changes down). */
function PlanAction({ plan, interval, relation, checkout }: PlanActionProps) {
  if (relation > 0) return <UpgradeButton plan={plan} interval={interval} checkout={checkout} />;
  return (
    <p className="flex h-10 items-center justify-center rounded-md bg-muted text-sm text-muted-foreground">
      {relation === 0 ? "Your current plan" : "Included in your plan"}
    </p>
  );
}
