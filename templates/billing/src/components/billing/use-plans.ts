import { useEffect, useState } from "react";
import { callApi, messageOf } from "@/lib/api/browser";
import type { Plan } from "./types";

/** The plans on offer, fetched once from the public plans route; `error` is a message to show instead. */
export function usePlans(): { plans: Plan[] | null; error: string | null } {
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    callApi<{ plans: Plan[] }>("/api/billing/plans").then(
      (answer) => current && setPlans(answer.plans),
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, []);

  return { plans, error };
}
