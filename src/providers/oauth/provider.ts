import type { ItemDescriptor } from "../types.js";

/** An OAuth sign-in provider: two env vars, and on only once both are set. */
export function oauthProvider<const Id extends string>(id: Id, label: string, envPrefix: string, where: string): ItemDescriptor<Id> {
  const clientIdEnv = `${envPrefix}_CLIENT_ID`;
  const clientSecretEnv = `${envPrefix}_CLIENT_SECRET`;
  return {
    id,
    label,
    socialProviders: [{ id, clientIdEnv, clientSecretEnv }],
    nextSteps: [
      `Set ${clientIdEnv} and ${clientSecretEnv} in .env to offer sign-in with ${label} ` +
        `(callback URL: ${callbackUrl("http://localhost:3000", id)})`,
    ],
    readme: [
      {
        title: `Sign-in with ${label}`,
        body:
          `Register the callback URL \`${callbackUrl("<APP_URL>", id)}\` for every address the app runs at\n` +
          `(\`${callbackUrl("http://localhost:3000", id)}\` while developing, your domain's in production) with\n` +
          `${where}, then set \`${clientIdEnv}\` and \`${clientSecretEnv}\`. The app offers it once both\n` +
          `are set; a page signs in with \`authClient.signIn.social({ provider: "${id}" })\`.`,
      },
    ],
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

/** Where the provider sends the user back after sign-in: Better Auth's callback route under the app's URL. */
function callbackUrl(appUrl: string, id: string): string {
  return `${appUrl}/api/auth/callback/${id}`;
}
