"use client";

import Link from "next/link";
import { useState } from "react";
import { buttonVariants } from "@/components/ui/button";
import { authClient } from "@/lib/client/auth";
import { IntervalToggle } from "./interval-toggle";
import { PlanCard, PlanGrid } from "./plan-card";
import type { BillingInterval, Plan } from "./types";
import { UpgradeButton } from "./upgrade-button";
import { type Checkout, useCheckout } from "./use-checkout";

/**
 * The plans for anyone, as the server rendered them: a monthly/yearly switch, and for each plan the way to it. A
 * visitor signs up first (and lands on billing after); a signed-in user goes straight to the provider's checkout.
 */
export function PricingTable({ headingLevel, plans }: { headingLevel: "h2" | "h3"; plans: Plan[] }) {
  const [interval, setBillingInterval] = useState<BillingInterval>("month");
  const { data: session, isPending } = authClient.useSession();
  const checkout = useCheckout();

  return (
    <div className="grid gap-6">
      <div className="flex justify-center">
        <IntervalToggle value={interval} onChange={setBillingInterval} />
      </div>
      <PlanGrid>
        {plans.map((plan) => (
          <PlanCard
            key={plan.id}
            plan={plan}
            interval={interval}
            headingLevel={headingLevel}
            action={
              // Until the session is known, keep the button's place so the cards do not change height.
              isPending ? (
                <span aria-hidden="true" className="h-10" />
              ) : (
                <PlanAction plan={plan} interval={interval} signedIn={Boolean(session)} checkout={checkout} />
              )
            }
          />
        ))}
      </PlanGrid>
    </div>
  );
}

interface PlanActionProps {
  plan: Plan;
  interval: BillingInterval;
  signedIn: boolean;
  checkout: Checkout;
}

function PlanAction({ plan, interval, signedIn, checkout }: PlanActionProps) {
  const paid = plan.price > 0;
  if (!signedIn) {
    return (
      <Link
        href={paid ? "/sign-up?next=/billing" : "/sign-up"}
        className={buttonVariants({ variant: paid ? "default" : "outline" })}
      >
        Get started<span className="sr-only"> with {plan.name}</span>
      </Link>
    );
  }
  if (!paid) {
    return (
      <Link href="/billing" className={buttonVariants({ variant: "outline" })}>
        See your plan
      </Link>
    );
  }
  return <UpgradeButton plan={plan} interval={interval} checkout={checkout} />;
}
