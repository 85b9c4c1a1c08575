import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { WebhookDelivery } from "./types.js";

/** Starts a fake's server on a free loopback port; returns its base URL. */
export async function listenOnLoopback(server: http.Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stops a fake's server at once: the SDKs keep their connections alive, which would otherwise hold close() open. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** What a fake's hosted checkout page shows, in its provider's colours. */
export interface CheckoutPage {
  /** The provider's name, as its page is headed. */
  provider: string;
  /** The provider's brand colour (CSS), for its heading and its Pay button. */
  accent: string;
  product: string;
  /** In cents. */
  amount: number;
  interval: "month" | "year";
  email: string | null;
  /** Where "Back" goes: the checkout's cancel URL. */
  cancelUrl: string | null;
}

/** One checkout as its hosted page serves it: what the page shows, and paying it. */
export interface HostedCheckout {
  page: CheckoutPage;
  /** False once paid: the page then says so and paying again is refused. */
  open: boolean;
  /** Completes the checkout: the signed deliveries the provider sends for it, and where the browser goes next. */
  pay(): { deliveries: WebhookDelivery[]; successUrl: string };
}

/**
 * Serves a provider's hosted checkout page, if the request is for one: GET shows the plan and a Pay button (a form
 * POST to the same address); the POST completes the checkout, delivers its signed webhooks to the app, in order,
 * before anything else (so the app knows of the payment when the browser arrives), then sends the browser on to the
 * checkout's success URL with a 303. The app's webhook address is the success URL's origin plus
 * `/api/webhooks/<provider>`: the app made that URL from its own APP_URL. Answers false for any other request.
 */
export async function serveHostedCheckout(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  kind: string,
  checkoutAt: (path: string) => HostedCheckout | undefined,
): Promise<boolean> {
  const path = new URL(req.url ?? "/", "http://fake").pathname;
  const checkout = checkoutAt(path);
  if (!checkout) return false;
  req.resume();
  const { page } = checkout;
  if (req.method === "GET") {
    sendHtml(res, 200, checkout.open ? payForm(page) : notice(page, "This checkout has been paid already."));
  } else if (req.method === "POST" && checkout.open) {
    const { deliveries, successUrl } = checkout.pay();
    const refusal = await deliver(deliveries, new URL(`/api/webhooks/${kind}`, successUrl));
    if (refusal) sendHtml(res, 502, notice(page, refusal));
    else res.writeHead(303, { location: successUrl }).end();
  } else {
    sendHtml(res, 409, notice(page, "This checkout cannot be paid (again)."));
  }
  return true;
}

/** POSTs the deliveries to the app one by one, as the provider would; the app's refusal, if any, as a message. */
async function deliver(deliveries: WebhookDelivery[], webhookUrl: URL): Promise<string | null> {
  for (const delivery of deliveries) {
    try {
      const reply = await fetch(webhookUrl, { method: "POST", headers: delivery.headers, body: delivery.body });
      if (!reply.ok) return `The app answered ${reply.status} to the webhook at ${webhookUrl}: ${await reply.text()}`;
    } catch (error) {
      return `The webhook could not reach the app at ${webhookUrl}: ${String(error)}`;
    }
  }
  return null;
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

function payForm(page: CheckoutPage): string {
  const back = page.cancelUrl ? `<a class="back" href="${escapeHtml(page.cancelUrl)}">&larr; Back</a>` : "";
  return layout(
    page,
    `${back}
    <p class="muted">Subscribe to ${escapeHtml(page.product)}</p>
    <p class="price">${money(page.amount)} <span class="muted">per ${page.interval}</span></p>
    ${page.email ? `<p class="muted">Billed to ${escapeHtml(page.email)}</p>` : ""}
    <form method="post"><button type="submit">Pay</button></form>
    <p class="note">Test mode: no card is charged. This is the test suite's stand-in for ${escapeHtml(page.provider)}'s checkout.</p>`,
  );
}

function notice(page: CheckoutPage, message: string): string {
  return layout(page, `<p>${escapeHtml(message)}</p>`);
}

function layout(page: CheckoutPage, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(page.provider)} Checkout</title>
  <link rel="icon" href="data:,">
  <style>
    body { margin: 0; min-height: 100vh; display: grid; place-items: center; font-family: system-ui, sans-serif;
      background: #f6f8fa; color: #1a1f36; }
    main { width: min(26rem, calc(100% - 2rem)); background: #fff; border-radius: 12px; padding: 2rem;
      box-shadow: 0 8px 30px rgb(0 0 0 / 0.08); display: grid; gap: 0.75rem; }
    h1 { margin: 0 0 0.5rem; font-size: 1.25rem; color: ${page.accent}; }
    p { margin: 0; }
    .muted { color: #59627a; }
    .price { font-size: 2rem; font-weight: 700; }
    .price .muted { font-size: 1rem; font-weight: 400; }
    button { width: 100%; margin-top: 0.75rem; padding: 0.8rem; border: 0; border-radius: 6px; font: inherit;
      font-weight: 600; color: #fff; background: ${page.accent}; cursor: pointer; }
    .back { color: #59627a; text-decoration: none; font-size: 0.9rem; }
    .note { font-size: 0.8rem; color: #59627a; }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(page.provider)}</h1>
    ${body}
  </main>
</body>
</html>`;
}
