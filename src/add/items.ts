import { CliError } from "../errors.js";
import type { Choices } from "../options.js";
import { addPolicy, type Category, categories, type Feature, features, providers, routes } from "../providers/index.js";

/**
 * One thing `add` was asked for, under the name the manifest's owners use (`chats`, `api-keys`, `ratelimit redis`),
 * or one `remove` takes out (`remove: true`: the feature off, the provider out of its list or the category to none).
 */
export type RequestedItem =
  | { kind: "route"; key: string }
  | { kind: "feature"; key: string; feature: Feature; remove?: true }
  | { kind: "provider"; key: string; category: Category; id: string; remove?: true };

/** Every item `add` knows, with what it brings: `add --list`. */
export interface ListedItem {
  key: string;
  group: "route" | "feature" | "provider";
  label: string;
  hint?: string;
  present: boolean;
}

const featureById = new Map<string, Feature>(
  (Object.keys(features) as Feature[]).map((feature) => [features[feature].id, feature]),
);

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
      const ids: string[] = providers[category].map((provider) => provider.id);
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
 * Reads `remove api-keys oauth github payments` into items: a feature, an OAuth provider (named), or a category a
 * project may have none of (payments, storage; its provider may be named). The rest is refused with what to do.
 */
export function parseRemovals(words: readonly string[]): RequestedItem[] {
  if (words.length === 0) throw new CliError(`Name what to remove.\n${removalsHelp()}`);
  const items: RequestedItem[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const feature = featureById.get(word);
    if (feature) {
      items.push({ kind: "feature", key: word, feature, remove: true });
      continue;
    }
    if (routes.some((route) => route.id === word)) {
      throw new CliError(`Cannot remove ${word}: every app has its routes, and its pages call them. Delete its folder by hand if you must.`);
    }
    if (!(categories as string[]).includes(word)) throw new CliError(`Unknown item "${word}".\n${removalsHelp()}`);
    const category = word as Category;
    const ids: string[] = providers[category].map((provider) => provider.id).filter((id) => id !== "none");
    const named = ids.includes(words[index + 1] ?? "") ? words[++index] : undefined;
    if (addPolicy[category].kind === "extend") {
      if (!named) throw new CliError(`remove ${category}: name which, one of ${ids.join(", ")}.\n  Example: create-craftjs remove ${category} ${ids[0]}`);
      items.push({ kind: "provider", key: `${category} ${named}`, category, id: named, remove: true });
    } else if (mayBeNone(category)) {
      items.push({ kind: "provider", key: named ? `${category} ${named}` : category, category, id: named ?? "none", remove: true });
    } else {
      const why = addPolicy[category].why ?? `every app has one ${category} provider`;
      const instead = addPolicy[category].kind === "switch" ? `; switch with create-craftjs add ${category} <${ids.join("|")}>` : "";
      throw new CliError(`Cannot remove ${category}: ${why}${instead}.`);
    }
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
    if (item.kind === "feature") next[item.feature] = !item.remove;
    if (item.kind !== "provider") continue;
    const { category, id } = item;
    const policy = addPolicy[category];
    const current = next[category];
    if (policy.kind === "extend") {
      const list = current as string[];
      if (item.remove) next[category] = list.filter((other) => other !== id);
      else if (!list.includes(id)) next[category] = [...list, id];
      continue;
    }
    if (item.remove) {
      if (id !== "none" && current !== id) throw new CliError(`Cannot remove ${item.key}: this project uses ${category} ${String(current)}.`);
      next[category] = "none";
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

/** Whether the items are all removals (`create-craftjs remove`), as opposed to an add. */
export function isRemoval(items: readonly RequestedItem[]): boolean {
  return items.length > 0 && items.every((item) => item.kind !== "route" && item.remove);
}

/** Whether a project may have no provider in the category (payments, storage). */
function mayBeNone(category: Category): boolean {
  return providers[category].some((provider) => provider.id === "none");
}

function removalsHelp(): string {
  const removable = [
    ...featureById.keys(),
    ...categories.flatMap((category) => {
      const ids: string[] = providers[category].map((provider) => provider.id).filter((id) => id !== "none");
      if (addPolicy[category].kind === "extend") return [`${category} <${ids.join("|")}>`];
      return mayBeNone(category) ? [category] : [];
    }),
  ];
  return `Removable: ${removable.join(", ")}.\n  Example: create-craftjs remove payments`;
}

function itemsHelp(): string {
  const items = listItems().map((item) => item.key);
  return `Items: ${items.join(", ")}.\n  Example: create-craftjs add api-keys (create-craftjs add --list says what each adds)`;
}
