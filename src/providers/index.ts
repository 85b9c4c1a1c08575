import { core } from "./core.js";
import { postgres } from "./db/postgres.js";
import { sqlite } from "./db/sqlite.js";
import type { ProviderDescriptor } from "./types.js";

/**
 * The provider choices, by category. A category's key is the option that chooses it (--db), and the order of its
 * providers is the order prompts and help list them in. Adding a provider: one template folder plus one entry here.
 */
export const providers = {
  db: [sqlite, postgres],
} as const satisfies Record<string, readonly ProviderDescriptor[]>;

export type Category = keyof typeof providers;

export { core };

export function providerIds(category: Category): [string, ...string[]] {
  return providers[category].map((provider) => provider.id) as [string, ...string[]];
}

export function findProvider(category: Category, id: string): ProviderDescriptor {
  const provider = providers[category].find((candidate) => candidate.id === id);
  if (!provider) throw new Error(`Unknown ${category} provider "${id}"`);
  return provider;
}
