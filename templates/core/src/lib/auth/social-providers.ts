import type { Env } from "@/lib/env";

interface OAuthCredentials {
  clientId: string;
  clientSecret: string;
}

/** The OAuth providers whose client id and secret are both set; a provider with neither is simply off. */
export function socialProviders(env: Env): { github?: OAuthCredentials; google?: OAuthCredentials } {
  return {
    ...credentials("github", env.GITHUB_CLIENT_ID, env.GITHUB_CLIENT_SECRET),
    ...credentials("google", env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET),
  };
}

function credentials<Name extends string>(name: Name, clientId?: string, clientSecret?: string) {
  return clientId && clientSecret ? ({ [name]: { clientId, clientSecret } } as Record<Name, OAuthCredentials>) : {};
}
