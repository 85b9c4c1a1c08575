import { startFakeDodo } from "./dodo.js";
import { startFakePolar } from "./polar.js";
import { startFakeStripe } from "./stripe.js";
import type { FakePaymentProvider } from "./types.js";

export type PaymentsKind = FakePaymentProvider["kind"];

/** Starts the local fake of a payment provider. */
export function startFakePayments(kind: PaymentsKind): Promise<FakePaymentProvider> {
  return { stripe: startFakeStripe, polar: startFakePolar, dodo: startFakeDodo }[kind]();
}
