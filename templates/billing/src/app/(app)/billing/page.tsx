import type { Metadata } from "next";
import { BillingOverview } from "@/components/billing/billing-overview";

export const metadata: Metadata = { title: "Billing" };

/** The signed-in user's plan and subscription, and the plans they can move up to. */
export default async function BillingPage({ searchParams }: { searchParams: Promise<{ checkout?: string }> }) {
  const { checkout } = await searchParams;
  return (
    <main className="mx-auto grid w-full max-w-5xl gap-8 px-4 py-8">
      <div className="grid gap-1">
        <h1 className="text-2xl font-bold tracking-tight">Billing</h1>
        <p className="text-muted-foreground">Your plan, your subscription and what each plan includes.</p>
      </div>
      {/* The provider's checkout sends a customer who backed out here, with nothing charged. */}
      {checkout === "canceled" && (
        <p role="status" className="rounded-md border bg-card px-4 py-3 text-sm">
          Checkout canceled: nothing was charged. Pick a plan whenever you are ready.
        </p>
      )}
      <BillingOverview />
    </main>
  );
}
