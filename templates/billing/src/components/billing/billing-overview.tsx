"use client";

import { useState } from "react";
import { IntervalToggle } from "./interval-toggle";
import { PlanCard, PlanGrid } from "./plan-card";
import { SubscriptionCard } from "./subscription-card";
import type { BillingInterval, Plan, Subscription } from "./types";
import { UpgradeButton } from "./upgrade-button";
import { type Checkout, useCheckout } from "./use-checkout";

/**
 * The billing page's content, as the server read it: the caller's subscription, then every plan with the way up to it.
 */
export function BillingOverview({ plans, subscription }: { plans: Plan[]; subscription: Subscription }) {
  const [interval, setBillingInterval] = useState<BillingInterval>("month");
  const checkout = useCheckout();

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
