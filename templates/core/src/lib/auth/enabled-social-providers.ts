import { auth } from "./server";

/** An OAuth provider the sign-in pages offer: Better Auth's id for it, and the name people know it by. */
export interface SocialProvider {
  id: string;
  name: string;
}

/**
 * The OAuth providers whose keys are set (src/lib/auth/social-providers.ts turns each on), as Better Auth was
 * configured with them, so a button shows exactly when its provider works. Server-only.
 */
export async function enabledSocialProviders(): Promise<SocialProvider[]> {
  const { socialProviders } = await auth.$context;
  return socialProviders.map(({ id, name }) => ({ id, name }));
}
