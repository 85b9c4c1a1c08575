/**
 * Runs once when the server starts. In Node.js (not the edge runtime) it puts the server's own checks in front of
 * Next.js: the socket's address at the end of `X-Forwarded-For`, and a 413 for an oversized declared body.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { interceptIncomingRequests } = await import("@/lib/api/request-hook");
  interceptIncomingRequests();
}
