import { useState } from "react";
import { useToast } from "@/components/ui/toast";
import { callApi, messageOf } from "@/lib/client/api";
import type { BillingInterval } from "./types";

/**
 * Starts the payment provider's checkout for a plan and sends the browser there. A refusal (already subscribed, the
 * provider down or not configured) is shown in the API's own words, and the page stays usable.
 */
export function useCheckout() {
  const toast = useToast();
  const [pendingPlan, setPendingPlan] = useState<string | null>(null);

  async function startCheckout(planId: string, interval: BillingInterval) {
    setPendingPlan(planId);
    try {
      const { url } = await callApi<{ url: string }>("/api/checkout", { method: "POST", json: { planId, interval } });
      // The provider's page is another site: a full navigation, and the button stays busy until it happens.
      window.location.assign(url);
    } catch (error) {
      toast({ title: "Checkout could not start", description: messageOf(error), tone: "error" });
      setPendingPlan(null);
    }
  }

  return { pendingPlan, startCheckout };
}

/** What useCheckout gives: the plan whose checkout is opening, and the way to start one. */
export type Checkout = ReturnType<typeof useCheckout>;
