"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button, buttonVariants } from "@/components/ui/button";

/** How often the page is read again while the provider's webhook has not arrived, and for how long. */
const POLL_EVERY_MS = 2_000;
const GIVE_UP_AFTER_MS = 30_000;

type Confirmation = { state: "waiting" } | { state: "confirmed"; planName: string } | { state: "timed-out" };

/**
 * After the provider's checkout: `confirmedPlan` is the name of the plan just bought once the server sees the
 * subscription, null until then. Meanwhile the page is read again every two seconds, for half a minute, and says so:
 * page views, which spend none of the plan's API requests.
 */
export function CheckoutConfirmation({ confirmedPlan }: { confirmedPlan: string | null }) {
  const timedOut = useRereadUntil(confirmedPlan !== null);
  const confirmation: Confirmation = confirmedPlan
    ? { state: "confirmed", planName: confirmedPlan }
    : timedOut.value
      ? { state: "timed-out" }
      : { state: "waiting" };
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
            <Link href="/chat" className={buttonVariants()}>
              Start chatting
            </Link>
          ) : (
            <Button onClick={timedOut.retry}>Check again</Button>
          )}
          <Link href="/billing" className={buttonVariants({ variant: "outline" })}>
            See your billing
          </Link>
          <Link href="/settings" className={buttonVariants({ variant: "ghost" })}>
            Settings
          </Link>
        </div>
      )}
    </div>
  );
}

/**
 * Reads the page again on the server every POLL_EVERY_MS until `done`, for GIVE_UP_AFTER_MS; `value` says it gave up,
 * `retry` starts over.
 */
function useRereadUntil(done: boolean) {
  const router = useRouter();
  const [round, setRound] = useState(0);
  const [gaveUp, setGaveUp] = useState<number | null>(null);

  useEffect(() => {
    if (done) return;
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    const timer = setInterval(() => {
      if (Date.now() < giveUpAt) return router.refresh();
      clearInterval(timer);
      setGaveUp(round);
    }, POLL_EVERY_MS);
    return () => clearInterval(timer);
  }, [done, round, router]);

  return { value: gaveUp === round, retry: () => setRound((previous) => previous + 1) };
}

function headingOf(confirmation: Confirmation): string {
  switch (confirmation.state) {
    case "waiting":
      return "Confirming your payment…";
    case "confirmed":
      return `You're on ${confirmation.planName}`;
    case "timed-out":
      return "Your payment is being confirmed";
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
  }
}
