import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/ui/format-date";
import { ManageBillingButton } from "./manage-billing-button";
import type { Plan, Subscription } from "./types";

const statusLabels: Record<Subscription["status"], string> = {
  none: "No subscription",
  active: "Active",
  trialing: "Trial",
  past_due: "Payment overdue",
  canceled: "Canceled",
  incomplete: "Awaiting payment",
};

/** What the caller is on: the plan, the subscription's state and its next date, and the way to the portal. */
export function SubscriptionCard({ subscription, plan }: { subscription: Subscription; plan: Plan | undefined }) {
  const hasSubscription = subscription.status !== "none";
  return (
    <Card aria-labelledby="subscription-title">
      <CardHeader>
        <CardTitle id="subscription-title">Your subscription</CardTitle>
        <CardDescription>{describe(subscription)}</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Detail name="plan" term="Plan" value={plan?.name ?? subscription.plan} />
          <Detail name="status" term="Status" value={statusLabels[subscription.status]} />
          <Detail
            name="limit"
            term="API limit"
            value={plan ? `${plan.limits.requestsPerMinute} requests a minute` : "—"}
          />
        </dl>
      </CardContent>
      {/* A user who never paid has no customer at the provider, so no portal to open. */}
      {hasSubscription && (
        <CardFooter>
          <ManageBillingButton />
          <p className="text-sm text-muted-foreground">Change your card, see invoices or cancel.</p>
        </CardFooter>
      )}
    </Card>
  );
}

/** One fact of the subscription; `name` is its test id (`subscription-<name>`). */
function Detail({ name, term, value }: { name: string; term: string; value: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-sm text-muted-foreground">{term}</dt>
      <dd className="font-medium" data-testid={`subscription-${name}`}>
        {value}
      </dd>
    </div>
  );
}

function describe({ status, currentPeriodEnd, cancelAtPeriodEnd }: Subscription): string {
  if (status === "none") return "You are on the free plan. Upgrade below whenever you need more.";
  if (status === "past_due")
    return "Your last payment failed. Update your card in the billing portal to keep your plan.";
  if (status === "canceled") return "Your subscription has ended; you are back on the free plan.";
  if (!currentPeriodEnd) return "Your subscription is being set up.";
  const date = formatDate(currentPeriodEnd);
  return cancelAtPeriodEnd ? `Canceled: your plan stays until ${date}, then you return to Free.` : `Renews on ${date}.`;
}
