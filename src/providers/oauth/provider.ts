import type { ItemDescriptor } from "../types.js";

/** An OAuth sign-in provider: two env vars, and on only once both are set. */
export function oauthProvider(id: string, label: string, envPrefix: string, where: string): ItemDescriptor {
  const clientIdEnv = `${envPrefix}_CLIENT_ID`;
  const clientSecretEnv = `${envPrefix}_CLIENT_SECRET`;
  return {
    id,
    label,
    socialProviders: [{ id, clientIdEnv, clientSecretEnv }],
    nextSteps: [`Set ${clientIdEnv} and ${clientSecretEnv} in .env to offer sign-in with ${label}`],
    env: [
      {
        name: clientIdEnv,
        comment: `${label} OAuth client id (${where}). Sign-in with ${label} is on when both ${label} values are set.`,
        schema: "z.string().min(1).optional()",
        example: "",
      },
      {
        name: clientSecretEnv,
        comment: `The ${label} OAuth client's secret.`,
        schema: "z.string().min(1).optional()",
        example: "",
      },
    ],
  };
}
