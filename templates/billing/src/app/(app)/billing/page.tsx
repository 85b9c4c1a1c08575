import type { Metadata } from "next";
import { BillingOverview } from "@/components/billing/billing-overview";
import { AppPage } from "@/components/shell/app-page";
import { requireCaller } from "@/lib/auth/page-session";
import { missingCheckoutSettings, planCatalog } from "@/lib/billing/catalog";
import { describeSubscription } from "@/lib/billing/checkout";

export const metadata: Metadata = { title: "Billing" };

/** The signed-in user's plan and subscription, and the plans they can move up to. */
export default async function BillingPage({ searchParams }: { searchParams: Promise<{ checkout?: string }> }) {
  const { checkout } = await searchParams;
  const subscription = await describeSubscription(await requireCaller());
  return (
    <AppPage title="Billing" description="Your plan, your subscription and what each plan includes.">
      {/* For the operator, in development only: what the payment provider still needs. Users never see settings. */}
      {process.env.NODE_ENV === "development" && <MissingSettings missing={missingCheckoutSettings()} />}
      {/* The provider's checkout sends a customer who backed out here, with nothing charged. */}
      {checkout === "canceled" && (
        <p role="status" className="rounded-md border bg-card px-4 py-3 text-sm">
          Checkout canceled: nothing was charged. Pick a plan whenever you are ready.
        </p>
      )}
      <BillingOverview
        plans={planCatalog()}
        subscription={{ ...subscription, currentPeriodEnd: subscription.currentPeriodEnd?.toISOString() ?? null }}
      />
    </AppPage>
  );
}

function MissingSettings({ missing }: { missing: string[] }) {
  if (missing.length === 0) return null;
  return (
    <div role="note" className="rounded-md border border-dashed px-4 py-3 text-sm">
      <p className="font-medium">Development: plans cannot be bought until these are set (see the README).</p>
      <ul className="mt-1 list-disc ps-5 text-muted-foreground">
        {missing.map((setting) => (
          <li key={setting}>{setting}</li>
        ))}
      </ul>
    </div>
  );
}
