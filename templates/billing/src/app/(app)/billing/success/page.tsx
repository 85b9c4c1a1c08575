import type { Metadata } from "next";
import { planById } from "@/config/plans";
import { CheckoutConfirmation } from "@/components/billing/checkout-confirmation";
import { requireUser } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Payment received" };

/**
 * Where the payment provider's checkout sends the browser back to once the customer has paid. The plan changes when
 * the provider's webhook reaches the app, maybe a moment later: this page is read again until it has.
 */
export default async function CheckoutSuccessPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { plan: expected } = await searchParams;
  const { plan } = await requireUser();
  // On the plan just bought (any paid plan when the address names none).
  const confirmed = typeof expected === "string" ? plan === expected : plan !== "free";
  return (
    <main className="mx-auto grid w-full max-w-2xl gap-6 px-4 py-12">
      <CheckoutConfirmation confirmedPlan={confirmed ? planById(plan).name : null} />
    </main>
  );
}
