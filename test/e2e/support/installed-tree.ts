import { readdirSync, readFileSync, realpathSync, type Dirent } from "node:fs";
import path from "node:path";
import { versions } from "../../../src/versions.js";

/**
 * Every copy of a pinned package (a key of `src/versions.ts`) installed in an app, whatever its package manager laid
 * out: npm's, yarn's and bun's nested `node_modules`, pnpm's `.pnpm` store. Each copy is counted once, by its real
 * path (pnpm links the same copy into many places).
 */
export function installedPins(appDir: string): Map<string, Map<string, string[]>> {
  const found = new Map<string, Map<string, string[]>>();
  const seen = new Set<string>();
  const record = (dir: string) => {
    let manifest: { name?: string; version?: string };
    try {
      manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    } catch {
      return;
    }
    if (!manifest.name || !manifest.version || !(manifest.name in versions)) return;
    const copies = found.get(manifest.name) ?? new Map<string, string[]>();
    copies.set(manifest.version, [...(copies.get(manifest.version) ?? []), path.relative(appDir, dir)]);
    found.set(manifest.name, copies);
  };
  const visitModules = (modules: string) => {
    for (const entry of entries(modules)) {
      const dir = path.join(modules, entry.name);
      if (entry.name.startsWith("@")) {
        for (const scoped of entries(dir)) visitPackage(path.join(dir, scoped.name));
      } else if (entry.name.startsWith(".")) {
        // pnpm's (and bun's isolated) store: <name>@<version>/node_modules/<name>, real folders.
        if (entry.isDirectory()) for (const stored of entries(dir)) visitModules(path.join(dir, stored.name, "node_modules"));
      } else visitPackage(dir);
    }
  };
  const visitPackage = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    record(real);
    visitModules(path.join(real, "node_modules"));
  };
  visitModules(path.join(appDir, "node_modules"));
  return found;
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The pinned packages installed twice or at another version than their pin, one line each (none: empty). */
export function pinProblems(appDir: string): string[] {
  const problems: string[] = [];
  for (const [name, copies] of installedPins(appDir)) {
    const pin = versions[name as keyof typeof versions];
    const installed = [...copies.keys()];
    if (installed.length === 1 && installed[0] === pin) continue;
    const where = [...copies].map(([version, dirs]) => `${version} (${dirs.slice(0, 2).join(", ")})`).join("; ");
    problems.push(`${name}: pinned ${pin}, installed ${where}`);
  }
  return problems.sort();
}
