import type { ProviderDescriptor } from "../types.js";

/** An OAuth sign-in provider: two env vars, and on only once both are set. */
export function oauthProvider(id: string, label: string, envPrefix: string, where: string): ProviderDescriptor {
  return {
    id,
    label,
    templateData: { envPrefix },
    env: [
      {
        name: `${envPrefix}_CLIENT_ID`,
        comment: `${label} OAuth client id (${where}). Sign-in with ${label} is on when both ${label} values are set.`,
        schema: "z.string().min(1).optional()",
        example: "",
      },
      {
        name: `${envPrefix}_CLIENT_SECRET`,
        comment: `The ${label} OAuth client's secret.`,
        schema: "z.string().min(1).optional()",
        example: "",
      },
    ],
  };
}
