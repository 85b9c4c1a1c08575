import { counter } from "./counter";
import { inStore } from "./failures";

/** The auth mails an account may be sent, of each kind, per window: however many addresses ask for them. */
export const ACCOUNT_MAIL_BUDGET = { max: 5, windowMs: 60 * 60_000 };

/**
 * Counts one mail of `kind` ("reset", "verification") to `email` and says whether it may go. Over the budget the mail
 * is dropped, not refused: the request was answered already, and its answer must not tell whether an account exists.
 * A rate-limit store that is down and fails open lets it go.
 */
export async function withinMailBudget(kind: string, email: string): Promise<boolean> {
  const window = await inStore(() => counter.hit(`mail:${kind}:${email.toLowerCase()}`, ACCOUNT_MAIL_BUDGET.windowMs));
  return window === undefined || window.count <= ACCOUNT_MAIL_BUDGET.max;
}
