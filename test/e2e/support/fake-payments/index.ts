import { startFakeDodo } from "./dodo.js";
import { startFakePolar } from "./polar.js";
import { startFakeStripe } from "./stripe.js";
import type { FakePaymentProvider } from "./types.js";

export type PaymentsKind = FakePaymentProvider["kind"];

/** The fake of every payment provider the CLI offers: a provider added to the registry fails to type-check here. */
const FAKES: Record<PaymentsKind, () => Promise<FakePaymentProvider>> = {
  stripe: startFakeStripe,
  polar: startFakePolar,
  dodo: startFakeDodo,
};

/** Starts the local fake of a payment provider. */
export function startFakePayments(kind: PaymentsKind): Promise<FakePaymentProvider> {
  return FAKES[kind]();
}
