import { anthropic } from "./ai/anthropic.js";
import { google } from "./ai/google.js";
import { openai } from "./ai/openai.js";
import { openaiCompatible } from "./ai/openai-compatible.js";
import { core } from "./core.js";
import { postgres } from "./db/postgres.js";
import { sqlite } from "./db/sqlite.js";
import { consoleEmail } from "./email/console.js";
import { resend } from "./email/resend.js";
import { smtp } from "./email/smtp.js";
import { apiKeys } from "./features/api-keys.js";
import { github } from "./oauth/github.js";
import { googleOAuth } from "./oauth/google.js";
import { dodo } from "./payments/dodo.js";
import { noPayments } from "./payments/none.js";
import { polar } from "./payments/polar.js";
import { stripe } from "./payments/stripe.js";
import { memory } from "./ratelimit/memory.js";
import { redis } from "./ratelimit/redis.js";
import { routes } from "./routes.js";
import { local } from "./storage/local.js";
import { noStorage } from "./storage/none.js";
import { r2 } from "./storage/r2.js";
import { s3 } from "./storage/s3.js";
import type { ItemDescriptor } from "./types.js";

/**
 * The provider choices, by category. A category's key is the option that chooses it (--db), and the order of its
 * providers is the order prompts and help list them in; the first is the default. Adding a provider: one template
 * folder plus one entry here.
 */
export const providers = {
  db: [sqlite, postgres],
  ai: [openai, anthropic, google, openaiCompatible],
  payments: [stripe, polar, dodo, noPayments],
  storage: [local, s3, r2, noStorage],
  email: [consoleEmail, resend, smtp],
  ratelimit: [memory, redis],
  oauth: [github, googleOAuth],
} as const satisfies Record<string, readonly ItemDescriptor[]>;

export type Category = keyof typeof providers;

/** The ids of a category's providers, as a type: `ProviderId<"payments">` is "stripe" | "polar" | "dodo" | "none". */
export type ProviderId<C extends Category> = (typeof providers)[C][number]["id"];

export const categories = Object.keys(providers) as Category[];

/**
 * What `create-craftjs add` may do with a category a project already has a choice in: add to a list (oauth), switch
 * to another provider (the previous one's files are replaced), or nothing (the database holds the user's data).
 */
export const addPolicy: Record<Category, { kind: "switch" | "extend" | "fixed"; why?: string }> = {
  db: { kind: "fixed", why: "the database holds your data: moving it to another one is a migration add cannot make" },
  ai: { kind: "switch" },
  payments: { kind: "switch" },
  storage: { kind: "switch" },
  email: { kind: "switch" },
  ratelimit: { kind: "switch" },
  oauth: { kind: "extend" },
};

/** Parts a project gets when a boolean option is on, by that option. */
export const features = {
  apiKeys,
} as const satisfies Record<string, ItemDescriptor>;

export type Feature = keyof typeof features;

export { core, routes };

export function providerIds(category: Category): [string, ...string[]] {
  return providers[category].map((provider) => provider.id) as [string, ...string[]];
}

export function findProvider(category: Category, id: string): ItemDescriptor {
  const provider = providers[category].find((candidate) => candidate.id === id);
  if (!provider) throw new Error(`Unknown ${category} provider "${id}"`);
  return provider;
}
