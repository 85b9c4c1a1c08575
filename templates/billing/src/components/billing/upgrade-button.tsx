"use client";

import { Button } from "@/components/ui/button";
import type { BillingInterval, Plan } from "./types";
import type { Checkout } from "./use-checkout";

interface UpgradeButtonProps {
  plan: Plan;
  interval: BillingInterval;
  /** Shared by every plan's button, so one checkout at a time starts. */
  checkout: Checkout;
}

/**
 * "Upgrade" to a paid plan at the interval shown: starts the provider's checkout. A plan that cannot be bought yet (its
 * provider settings are missing: the server log says which) says so instead.
 */
export function UpgradeButton({ plan, interval, checkout }: UpgradeButtonProps) {
  const opening = checkout.pendingPlan === plan.id;
  if (!plan.available[interval]) {
    return (
      <Button disabled>
        Not available yet<span className="sr-only"> for {plan.name}</span>
      </Button>
    );
  }
  return (
    <Button onClick={() => checkout.startCheckout(plan.id, interval)} disabled={checkout.pendingPlan !== null}>
      {opening ? (
        "Opening checkout…"
      ) : (
        <>
          Upgrade<span className="sr-only"> to {plan.name}</span>
        </>
      )}
    </Button>
  );
}
