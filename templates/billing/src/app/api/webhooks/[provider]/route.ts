import { methods } from "@/lib/api/endpoint";
import { readRawBody } from "@/lib/api/body";
import { ApiError, errorResponse, notFound } from "@/lib/api/errors";
import { paymentProvider } from "@/lib/billing/provider";
import { applyBillingEvent } from "@/lib/billing/store";
import { InvalidSignatureError, type SkippedWebhook } from "@/lib/billing/types";

/** Provider events are small; a body past this is not one. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

/**
 * The payment provider's webhooks: outside the session, the rate limit and CORS. The signature is verified on the
 * raw body before anything else (a bad one is a 400); each event is applied once, and never over a newer state. A
 * verified event the app skips (a type it does not handle, a body the provider changed) is a 200 and one log line:
 * any other answer would have the provider retry it until it disables the endpoint.
 */
async function receive(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  try {
    const { provider } = await context.params;
    if (provider !== paymentProvider.id) throw notFound("webhook endpoint");
    const rawBody = await readRawBody(request, WEBHOOK_BODY_LIMIT);
    const event = await paymentProvider.parseWebhook(rawBody, request.headers).catch((error: unknown) => {
      if (error instanceof InvalidSignatureError) {
        throw new ApiError("INVALID_SIGNATURE", `The webhook's signature is not valid: ${error.message}`);
      }
      throw error;
    });
    if ("skipped" in event) {
      logSkipped(event);
      return Response.json({ received: true, applied: false, outcome: "skipped" });
    }
    const outcome = await applyBillingEvent(paymentProvider.id, event);
    if (outcome === "unmatched") {
      console.warn(`${paymentProvider.name} event ${event.id}: no user or plan of this app matches its subscription.`);
    }
    return Response.json({ received: true, applied: outcome === "applied", outcome });
  } catch (error) {
    return errorResponse(error);
  }
}

/** One line per skipped event; one the app could not read is a warning, since the state it carried is missed. */
function logSkipped({ id, type, skipped, reason }: SkippedWebhook): void {
  const line = `${paymentProvider.name} webhook ${id} (${type}) skipped, ${skipped}: ${reason}`;
  if (skipped === "unreadable") console.warn(`${line}. Update the adapter in src/lib/billing/provider.ts.`);
  else console.info(line);
}

// Providers' servers call it, with no cookie and no browser: no CORS, and its signature is the only check that counts.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods(
  { POST: receive },
  { cors: false, refuseForgeries: false },
);
