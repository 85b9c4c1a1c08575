import { CliError } from "../errors.js";
import type { Choices } from "../options.js";
import { addPolicy, type Category, categories, type Feature, features, providers, routes } from "../providers/index.js";

/** One thing `add` was asked for, under the name the manifest's owners use (`chats`, `api-keys`, `ratelimit redis`). */
export type RequestedItem =
  | { kind: "route"; key: string }
  | { kind: "feature"; key: string; feature: Feature }
  | { kind: "provider"; key: string; category: Category; id: string };

/** Every item `add` knows, with what it brings: `add --list`. */
export interface ListedItem {
  key: string;
  group: "route" | "feature" | "provider";
  label: string;
  hint?: string;
  present: boolean;
}

const featureById = new Map((Object.keys(features) as Feature[]).map((feature) => [features[feature].id, feature]));

/** Reads `api-keys ratelimit redis chats` into items; an unknown word is refused with the list of items. */
export function parseItems(words: readonly string[]): RequestedItem[] {
  if (words.length === 0) throw new CliError(`Name what to add.\n${itemsHelp()}`);
  const items: RequestedItem[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (routes.some((route) => route.id === word)) items.push({ kind: "route", key: word });
    else if (featureById.has(word)) items.push({ kind: "feature", key: word, feature: featureById.get(word)! });
    else if ((categories as string[]).includes(word)) {
      const category = word as Category;
      const id = words[++index];
      // `none` takes a category out where a project may have none of it (payments, storage).
      const ids = providers[category].map((provider) => provider.id);
      if (!id || !ids.includes(id)) {
        const got = id ? `"${id}" is not one of` : "it needs one of";
        throw new CliError(`add ${category}: ${got} ${ids.join(", ")}.\n  Example: create-craftjs add ${category} ${ids.at(-1)}`);
      }
      items.push({ kind: "provider", key: `${category} ${id}`, category, id });
    } else throw new CliError(`Unknown item "${word}".\n${itemsHelp()}`);
  }
  return items;
}

/**
 * The project's choices once the items are in: a feature turned on, a provider added to a list or switched to.
 * Refuses what add cannot do (another database) and two switches in one category.
 */
export function applyItems(choices: Choices, items: readonly RequestedItem[]): Choices {
  const next: Record<string, unknown> = structuredClone(choices);
  const switched = new Map<Category, string>();
  for (const item of items) {
    if (item.kind === "feature") next[item.feature] = true;
    if (item.kind !== "provider") continue;
    const { category, id } = item;
    const policy = addPolicy[category];
    const current = next[category];
    if (policy.kind === "extend") {
      const list = current as string[];
      if (!list.includes(id)) next[category] = [...list, id];
      continue;
    }
    if (current === id) continue;
    if (policy.kind === "fixed") {
      throw new CliError(`Cannot add ${item.key}: this project uses ${category} ${String(current)}, and ${policy.why}.`);
    }
    const earlier = switched.get(category);
    if (earlier) throw new CliError(`Cannot add both ${category} ${earlier} and ${category} ${id}: a project has one ${category}.`);
    switched.set(category, id);
    next[category] = id;
  }
  return next as Choices;
}

/** Whether a project with these choices has the item. */
function isPresent(choices: Choices, key: string): boolean {
  const [category, id] = key.split(" ");
  if (id !== undefined) {
    const choice = choices[category as Category] as string | string[];
    return Array.isArray(choice) ? choice.includes(id) : choice === id;
  }
  const feature = featureById.get(key);
  return feature ? Boolean(choices[feature]) : true;
}

export function listItems(choices?: Choices): ListedItem[] {
  const present = (key: string) => (choices ? isPresent(choices, key) : false);
  return [
    ...routes.map((route) => ({ key: route.id, group: "route" as const, label: route.label, hint: route.hint, present: present(route.id) })),
    ...[...featureById].map(([id]) => {
      const descriptor = features[featureById.get(id)!];
      return { key: id, group: "feature" as const, label: descriptor.label, hint: descriptor.hint, present: present(id) };
    }),
    ...categories.flatMap((category) =>
      providers[category].filter((provider) => provider.id !== "none").map((provider) => {
        const key = `${category} ${provider.id}`;
        return { key, group: "provider" as const, label: provider.label, hint: provider.hint, present: present(key) };
      }),
    ),
  ];
}

function itemsHelp(): string {
  const items = listItems().map((item) => item.key);
  return `Items: ${items.join(", ")}.\n  Example: create-craftjs add api-keys (create-craftjs add --list says what each adds)`;
}
