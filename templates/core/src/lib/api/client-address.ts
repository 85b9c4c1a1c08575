import { env } from "@/lib/env";

/**
 * The header Better Auth reads the client address from. The auth route sets it from `clientAddress`, replacing
 * whatever a client sent, so Better Auth's throttle never sees an address the client chose.
 */
export const CLIENT_ADDRESS_HEADER = "x-craftjs-client-address";

/**
 * The address of the client that sent a request, for throttling. `X-Forwarded-For` always ends with the address of
 * the socket the server accepted (see `src/instrumentation.ts`); each trusted proxy in front (TRUSTED_PROXY_HOPS)
 * appended the address it was reached from before that. So the client is the entry `trustedProxyHops` places before
 * the last: with no trusted proxy, the socket itself, never an entry the client wrote. "unknown" when the request
 * carries no address at all (a handler called in a test).
 */
export function clientAddress(headers: Headers, trustedProxyHops: number = env.TRUSTED_PROXY_HOPS): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops)] ?? "unknown";
}
