"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ApiRequestError, callApi, messageOf } from "@/lib/api/browser";
import type { Plan, Subscription } from "./types";

/** How often the page asks whether the provider's webhook has arrived, and for how long before it stops asking. */
const POLL_EVERY_MS = 1_000;
const GIVE_UP_AFTER_MS = 30_000;

type Confirmation =
  | { state: "waiting" }
  | { state: "confirmed"; planName: string }
  | { state: "timed-out" }
  | { state: "failed"; message: string };

/**
 * After the provider's checkout: the plan changes when the provider's webhook reaches the app, which may be a moment
 * after the browser is back. Until then this asks every second, for half a minute, and says so.
 */
export function CheckoutConfirmation({ expectedPlan }: { expectedPlan?: string }) {
  const { confirmation, checkAgain } = useConfirmation(expectedPlan);
  return (
    <div className="grid gap-6">
      <div className="grid gap-2" role="status">
        <h1 className="text-2xl font-bold tracking-tight">{headingOf(confirmation)}</h1>
        <p className="text-muted-foreground">{messageOfConfirmation(confirmation)}</p>
      </div>
      {confirmation.state === "waiting" ? (
        <div aria-hidden="true" className="h-1 w-full overflow-hidden rounded-full bg-muted">
          <div className="h-full w-1/3 animate-pulse rounded-full bg-primary" />
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          {confirmation.state === "confirmed" ? (
            <Link href="/chat" className={buttonClasses("primary")}>
              Start chatting
            </Link>
          ) : (
            <Button onClick={checkAgain}>Check again</Button>
          )}
          <Link href="/billing" className={buttonClasses("outline")}>
            See your billing
          </Link>
          <Link href="/settings" className={buttonClasses("ghost")}>
            Settings
          </Link>
        </div>
      )}
    </div>
  );
}

/**
 * Polls the caller's subscription until it is on the plan just bought (any paid plan when the address names none) or
 * time is up; `checkAgain` starts over.
 */
function useConfirmation(expectedPlan: string | undefined) {
  const [confirmation, setConfirmation] = useState<Confirmation>({ state: "waiting" });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    async function check() {
      try {
        const subscription = await callApi<Subscription>("/api/billing/subscription");
        if (stopped) return;
        if (expectedPlan ? subscription.plan === expectedPlan : subscription.plan !== "free") {
          setConfirmation({ state: "confirmed", planName: await planName(subscription.plan) });
          return;
        }
        scheduleNext(POLL_EVERY_MS);
      } catch (error) {
        if (stopped) return;
        // Asking too often is no failure: wait for the rate limit's window to free up, then ask again.
        const reset =
          error instanceof ApiRequestError && error.code === "RATE_LIMITED" ? Number(error.details.reset) : NaN;
        if (Number.isFinite(reset)) scheduleNext(Math.max(POLL_EVERY_MS, reset - Date.now()));
        else setConfirmation({ state: "failed", message: messageOf(error) });
      }
    }

    function scheduleNext(delay: number) {
      if (Date.now() + delay > giveUpAt) setConfirmation({ state: "timed-out" });
      else timer = setTimeout(check, delay);
    }

    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [round, expectedPlan]);

  function checkAgain() {
    setConfirmation({ state: "waiting" });
    setRound((previous) => previous + 1);
  }

  return { confirmation, checkAgain };
}

/** The plan's name as the plans route gives it; its id if the plans cannot be read (the payment went through anyway). */
async function planName(planId: string): Promise<string> {
  const answer = await callApi<{ plans: Plan[] }>("/api/billing/plans").catch(() => ({ plans: [] as Plan[] }));
  return answer.plans.find((plan) => plan.id === planId)?.name ?? planId;
}

function headingOf(confirmation: Confirmation): string {
  switch (confirmation.state) {
    case "waiting":
      return "Confirming your payment…";
    case "confirmed":
      return `You're on ${confirmation.planName}`;
    case "timed-out":
      return "Your payment is being confirmed";
    case "failed":
      return "We could not check your plan";
  }
}

function messageOfConfirmation(confirmation: Confirmation): string {
  switch (confirmation.state) {
    case "waiting":
      return "This takes a few seconds, while the payment provider tells us it went through.";
    case "confirmed":
      return "Thank you! Your new plan and its higher limits apply from now on.";
    case "timed-out":
      return "The payment provider has not confirmed it yet. Your plan changes as soon as it does: refresh this page in a minute.";
    case "failed":
      return confirmation.message;
  }
}
