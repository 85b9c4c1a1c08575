import { createAuthMiddleware, isAPIError } from "better-auth/api";

/**
 * Revokes every credential the user holds besides their sessions (each `revokeAll` of src/lib/api/credentials.ts),
 * which Better Auth ends itself. The list is imported on use: its credentials import the auth server, which calls this.
 */
export async function revokeOtherCredentials(userId: string): Promise<void> {
  const { credentials } = await import("@/lib/api/credentials");
  await Promise.all(credentials.map((credential) => credential.revokeAll?.(userId)));
}

/**
 * Better Auth's after-hook for a password change that signs out everywhere else (`revokeOtherSessions`): the user's
 * other credentials go with those sessions. A change that failed revokes nothing.
 */
export const revokeWithOtherSessions = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/change-password" || ctx.body?.revokeOtherSessions !== true) return;
  const returned: unknown = ctx.context.returned;
  if (isAPIError(returned)) return;
  const userId = changedUserId(returned);
  if (userId) await revokeOtherCredentials(userId);
});

/** The user whose password /change-password changed, from its answer `{ token, user }`. */
function changedUserId(returned: unknown): string | undefined {
  if (typeof returned !== "object" || returned === null || !("user" in returned)) return undefined;
  const { user } = returned as { user: unknown };
  if (typeof user !== "object" || user === null || !("id" in user)) return undefined;
  return typeof user.id === "string" ? user.id : undefined;
}
