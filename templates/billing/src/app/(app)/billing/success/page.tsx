import type { Metadata } from "next";
import { CheckoutConfirmation } from "@/components/billing/checkout-confirmation";

export const metadata: Metadata = { title: "Payment received" };

/** Where the payment provider's checkout sends the browser back to once the customer has paid. */
export default async function CheckoutSuccessPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { plan } = await searchParams;
  return (
    <main className="mx-auto grid w-full max-w-2xl gap-6 px-4 py-12">
      <CheckoutConfirmation expectedPlan={typeof plan === "string" ? plan : undefined} />
    </main>
  );
}
