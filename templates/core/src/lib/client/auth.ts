import { createAuthClient } from "better-auth/react";

/** Better Auth in the browser; it talks to /api/auth on the page's own origin. */
export const authClient = createAuthClient();
