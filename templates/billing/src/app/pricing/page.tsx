import type { Metadata } from "next";
import { PricingTable } from "@/components/billing/pricing-table";
import { SiteHeader } from "@/components/shell/site-header";
import { planCatalog } from "@/lib/billing/catalog";

export const metadata: Metadata = { title: "Pricing" };

/** The plans, for anyone: what each costs and includes, and the way to it. */
export default function PricingPage() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto grid w-full max-w-5xl gap-10 px-4 py-16">
        <div className="grid gap-3 text-center">
          <h1 className="text-4xl font-bold tracking-tight text-balance">Pricing</h1>
          <p className="mx-auto max-w-2xl text-lg text-balance text-muted-foreground">
            Start free. Upgrade for higher limits when you need them, and cancel whenever you like.
          </p>
        </div>
        <PricingTable headingLevel="h2" plans={planCatalog()} />
      </main>
    </>
  );
}
