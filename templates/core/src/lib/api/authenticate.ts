import { credentials } from "./credentials";
import type { Caller } from "./caller";
import { ApiError } from "./errors";

export type { Caller } from "./caller";

/**
 * Resolves the caller from the first credential the request presents (`src/lib/api/credentials.ts` lists them);
 * credentials presented but invalid, or none at all, are a 401.
 */
export async function authenticate(request: Request): Promise<Caller> {
  for (const credential of credentials) {
    const caller = await credential.authenticate(request);
    if (caller) return caller;
  }
  throw new ApiError(
    "UNAUTHORIZED",
    `${sentence(credentials.map((credential) => credential.hint))} to use this endpoint.`,
  );
}

function sentence(hints: readonly string[]): string {
  const text = hints.join(" or ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
