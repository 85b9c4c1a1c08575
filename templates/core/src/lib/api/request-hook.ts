import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { refuseDeclaredOversize } from "./declared-size";
import { appendSocketAddress } from "./socket-address";
import { refuseUnroutable } from "./unroutable-requests";

const seen = new WeakSet<IncomingMessage>();

/**
 * Sees every request as the Node.js server accepts it, before Next.js does: records the socket's address in
 * `X-Forwarded-For`, refuses a method or a path Next.js cannot route (in the error shape), and a declared body larger
 * than its route reads. Installed once, at start-up, by
 * `src/instrumentation.ts`.
 */
export function interceptIncomingRequests(): void {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    const [request, response] = args as [IncomingMessage | undefined, ServerResponse | undefined];
    if (event === "request" && request && response && !seen.has(request)) {
      seen.add(request);
      appendSocketAddress(request);
      if (refuseUnroutable(request, response) || refuseDeclaredOversize(request, response)) return true;
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof Server.prototype.emit;
}
