import type { IncomingMessage } from "node:http";

/**
 * Appends the socket's own address to a request's `X-Forwarded-For`, as a proxy does. Next.js only fills the header
 * when it is absent, so a client that sends one would otherwise hide its real address; with this, the last entry is
 * always the peer the server accepted, and `clientAddress` counts trusted proxies back from it.
 */
export function appendSocketAddress(request: IncomingMessage): void {
  const sent = request.headers["x-forwarded-for"];
  const chain = [Array.isArray(sent) ? sent.join(", ") : sent, request.socket.remoteAddress ?? "unknown"];
  request.headers["x-forwarded-for"] = chain.filter(Boolean).join(", ");
}
