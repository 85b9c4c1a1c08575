import { createTwoFilesPatch } from "diff";
import { diff3Merge } from "node-diff3";
import { envLine } from "../env-file.js";
import { envExampleEntry } from "../plan.js";
import type { EnvVar, ProjectContext } from "../providers/types.js";

/** A three-way merge of text: the user's version and the new one, both from a common base. */
export type TextMerge = { clean: true; content: string } | { clean: false };

/**
 * Takes both the user's edits (base → ours) and the new render's changes (base → theirs); a region both changed
 * differently is a conflict, and then nothing is merged. With `unionInsertions` (for list-like files such as the
 * schema index or the plugin list), lines both sides only inserted at the same place are all kept, the user's first.
 */
export function mergeText(ours: string, base: string, theirs: string, { unionInsertions = false } = {}): TextMerge {
  const split = (text: string) => text.split("\n");
  const merged: string[] = [];
  for (const region of diff3Merge(split(ours), split(base), split(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) merged.push(...region.ok);
    else if (region.conflict && unionInsertions && region.conflict.o.length === 0) {
      const { a, b } = region.conflict;
      merged.push(...a, ...b.filter((line) => !a.includes(line)));
    } else return { clean: false };
  }
  return { clean: true, content: merged.join("\n") };
}

const MARKER = /^(<<<<<<< |=======$|>>>>>>> )/m;

/**
 * The three-way merge with each region both sides changed between git's conflict markers: the user's lines, then the
 * new version's. With no base (a file of the user's where the CLI writes one), the whole files face each other.
 */
export function mergeWithMarkers(ours: string, base: string, theirs: string, theirsLabel: string): string {
  const split = (text: string) => text.split("\n");
  const merged: string[] = [];
  for (const region of diff3Merge(split(ours), split(base), split(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) merged.push(...region.ok);
    else if (region.conflict) {
      merged.push("<<<<<<< yours", ...region.conflict.a, "=======", ...region.conflict.b, `>>>>>>> ${theirsLabel}`);
    }
  }
  return merged.join("\n");
}

/** Whether a text still holds a conflict marker at the start of a line. */
export function hasConflictMarkers(text: string): boolean {
  return MARKER.test(text);
}

/** A unified diff from `before` to `after`, or "" when they are the same. */
export function unifiedDiff(file: string, before: string, after: string, labels = ["yours", "new"]): string {
  if (before === after) return "";
  return createTwoFilesPatch(`${file} (${labels[0]})`, `${file} (${labels[1]})`, before, after, undefined, undefined, {
    context: 3,
  })
    .split("\n")
    .slice(1)
    .join("\n");
}

export interface DependencyChanges {
  added: Record<string, string>;
  /** Dependencies still at the version the CLI pinned before, moved to its new pin (update). */
  moved: { name: string; from: string; to: string }[];
  /** Dependencies the project already had at another range: kept as the user has them. */
  kept: { name: string; yours: string; ours: string }[];
  /** Dependencies only the replaced provider needed, still at the version the CLI pinned. */
  removed: string[];
}

type PackageJson = Record<string, unknown> & {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/**
 * Merges the new render's dependencies, tree pins and scripts into the user's package.json: adds what is missing at
 * its pinned version, moves one the user left at the previous render's pin to the new pin, keeps every other range
 * the user has, adds scripts that are absent, and drops a dependency only when the previous render had it, the new
 * one does not, and the user left it at the pinned version.
 */
export function mergePackageJson(
  yours: string,
  previous: PackageJson,
  next: PackageJson,
): { content: string; changes: DependencyChanges; scriptsAdded: string[] } {
  const pkg = JSON.parse(yours) as PackageJson;
  const changes: DependencyChanges = { added: {}, moved: [], kept: [], removed: [] };
  for (const field of ["dependencies", "devDependencies"] as const) {
    const wanted = next[field] ?? {};
    const had = previous[field] ?? {};
    let current = { ...(pkg[field] ?? {}) };
    for (const [name, version] of Object.entries(wanted)) {
      const existing = findDependency(pkg, name);
      if (existing === undefined) {
        current = insertSorted(current, name, version);
        changes.added[name] = version;
      } else if (existing === version) continue;
      else if (existing === had[name] && name in current) {
        current[name] = version;
        changes.moved.push({ name, from: existing, to: version });
      } else changes.kept.push({ name, yours: existing, ours: version });
    }
    for (const [name, version] of Object.entries(had)) {
      if (!(name in wanted) && current[name] === version) {
        delete current[name];
        changes.removed.push(name);
      }
    }
    if (Object.keys(current).length > 0 || pkg[field]) pkg[field] = current;
  }
  mergeTreePins(pkg, previous, next);
  const scriptsAdded: string[] = [];
  for (const [name, command] of Object.entries(next.scripts ?? {})) {
    pkg.scripts ??= {};
    if (!(name in pkg.scripts)) {
      pkg.scripts[name] = command;
      scriptsAdded.push(name);
    }
  }
  return { content: `${JSON.stringify(pkg, null, detectIndent(yours))}\n`, changes, scriptsAdded };
}

/** The tree pins' field of each package manager (npm's and bun's, pnpm's, yarn's), as a path in package.json. */
const TREE_PIN_FIELDS = [["overrides"], ["pnpm", "overrides"], ["resolutions"]] as const;

/**
 * The new render's tree pins: a pin the user lacks is added, one still at the previous render's value moves, and
 * one of the user's own (or changed by them) stays.
 */
function mergeTreePins(pkg: PackageJson, previous: PackageJson, next: PackageJson): void {
  for (const fieldPath of TREE_PIN_FIELDS) {
    const wanted = readPath(next, fieldPath);
    if (!wanted) continue;
    const had = readPath(previous, fieldPath) ?? {};
    const current = { ...(readPath(pkg, fieldPath) ?? {}) };
    for (const [name, version] of Object.entries(wanted)) {
      if (current[name] === undefined || current[name] === had[name]) current[name] = version;
    }
    writePath(pkg, fieldPath, current);
  }
}

function readPath(pkg: PackageJson, fieldPath: readonly string[]): Record<string, string> | undefined {
  let value: unknown = pkg;
  for (const key of fieldPath) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === "object" && value !== null ? (value as Record<string, string>) : undefined;
}

function writePath(pkg: PackageJson, fieldPath: readonly string[], value: Record<string, string>): void {
  let parent: Record<string, unknown> = pkg;
  for (const key of fieldPath.slice(0, -1)) {
    parent[key] = typeof parent[key] === "object" && parent[key] !== null ? parent[key] : {};
    parent = parent[key] as Record<string, unknown>;
  }
  parent[fieldPath.at(-1)!] = value;
}

function findDependency(pkg: PackageJson, name: string): string | undefined {
  return pkg.dependencies?.[name] ?? pkg.devDependencies?.[name];
}

/** Adds a key where it sorts among the others, leaving their order as it was. */
function insertSorted(record: Record<string, string>, name: string, value: string): Record<string, string> {
  const entries = Object.entries(record);
  const at = entries.findIndex(([other]) => other.localeCompare(name) > 0);
  entries.splice(at === -1 ? entries.length : at, 0, [name, value]);
  return Object.fromEntries(entries);
}

function detectIndent(json: string): string | number {
  return /^([ \t]+)"/m.exec(json)?.[1] ?? 2;
}

/** The names an env file sets or documents (`NAME=`, also commented out as `# NAME=`). */
export function envNames(content: string): Set<string> {
  return new Set([...content.matchAll(/^\s*(?:#\s*)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((match) => match[1]!));
}

/** Appends the variables .env.example does not document yet, each with its comment; existing lines stay. */
export function appendEnvExample(yours: string, variables: readonly EnvVar[]): { content: string; added: string[] } {
  const known = envNames(yours);
  const missing = variables.filter((variable) => !known.has(variable.name));
  if (missing.length === 0) return { content: yours, added: [] };
  const separator = yours === "" || yours.endsWith("\n\n") ? "" : yours.endsWith("\n") ? "\n" : "\n\n";
  return { content: yours + separator + missing.map(envExampleEntry).join("\n"), added: missing.map((variable) => variable.name) };
}

/** Appends to .env the variables it lacks that have a value (fresh secrets are made here); existing lines stay. */
export function appendEnv(
  yours: string,
  variables: readonly EnvVar[],
  context: ProjectContext,
): { content: string; added: string[] } {
  const known = envNames(yours);
  const missing = variables.filter((variable) => variable.value && !known.has(variable.name));
  if (missing.length === 0) return { content: yours, added: [] };
  const lines = missing.map((variable) => `# ${variable.comment}\n${envLine(variable.name, variable.value!(context))}`);
  const separator = yours === "" || yours.endsWith("\n") ? "" : "\n";
  return { content: `${yours}${separator}${lines.join("\n")}\n`, added: missing.map((variable) => variable.name) };
}

/**
 * Takes out of .env.example the variables no chosen item reads any more (a switched or removed provider's), each
 * with the comment lines right above it and one blank line after.
 */
export function dropFromEnvExample(yours: string, names: readonly string[]): { content: string; removed: string[] } {
  const lines = yours.split("\n");
  const removed: string[] = [];
  for (const name of names) {
    const at = lines.findIndex((line) => new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=`).test(line));
    if (at === -1) continue;
    let from = at;
    while (from > 0 && lines[from - 1]!.startsWith("#")) from--;
    const blankAfter = lines[at + 1] === "" && (from === 0 || lines[from - 1] === "") ? 1 : 0;
    lines.splice(from, at - from + 1 + blankAfter);
    removed.push(name);
  }
  return { content: lines.join("\n"), removed };
}

/**
 * Comments out in .env the variables no chosen item reads any more, with a note above each: never deleted, since
 * the value may be a credential the user still needs.
 */
export function retireFromEnv(yours: string, names: readonly string[], why: string): { content: string; retired: string[] } {
  const retired: string[] = [];
  const lines = yours.split("\n").flatMap((line) => {
    const name = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];
    if (!name || !names.includes(name)) return [line];
    retired.push(name);
    return [`# No longer read by the app (${why}): kept commented out, delete it once the value is not needed.`, `# ${line}`];
  });
  return { content: lines.join("\n"), retired };
}
