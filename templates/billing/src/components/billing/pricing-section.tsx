import { planCatalog } from "@/lib/billing/catalog";
import { PricingTable } from "./pricing-table";

/** The landing page's pricing: the plans, each with the way to it. */
export function PricingSection() {
  return (
    <section aria-labelledby="pricing" className="grid gap-6">
      <div className="grid gap-2 text-center">
        <h2 id="pricing" className="text-2xl font-bold tracking-tight sm:text-3xl">
          Pricing
        </h2>
        <p className="text-muted-foreground">Start free; upgrade when you need more.</p>
      </div>
      <PricingTable headingLevel="h3" plans={planCatalog()} />
    </section>
  );
}
