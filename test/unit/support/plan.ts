import os from "node:os";
import path from "node:path";
import { isListOption, type OptionKey } from "../../../src/options.js";
import { packageManagers } from "../../../src/package-manager.js";
import { type Plan, planProject } from "../../../src/plan.js";
import { type Category, providers } from "../../../src/providers/index.js";
import { resolveOptions } from "../../../src/resolve.js";

/** Plans a project called "shop" (nothing is written: planning is in memory). npm unless the test says otherwise. */
export function plan(given: Partial<Record<OptionKey, unknown>> = {}): Plan {
  return planProject(
    resolveOptions({ directory: path.join(os.tmpdir(), "craftjs-never-written", "shop"), packageManager: "npm", ...given }),
  );
}

export function file(planned: Plan, filePath: string): string {
  const found = planned.files.find((candidate) => candidate.path === filePath);
  if (!found) throw new Error(`The plan has no ${filePath}; it has ${planned.files.map((f) => f.path).join(", ")}`);
  return found.content;
}

export function hasFile(planned: Plan, filePath: string): boolean {
  return planned.files.some((candidate) => candidate.path === filePath);
}

/** The variables of a dotenv file, by name. */
export function dotenv(content: string): Record<string, string> {
  return Object.fromEntries(
    content
      .split("\n")
      .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

/** The defaults, then each provider of each category chosen alone, each package manager, and no optional features. */
export function everyProviderCombination(): { label: string; plan: Plan }[] {
  const combos: { label: string; plan: Plan }[] = [{ label: "defaults", plan: plan() }];
  for (const [category, list] of Object.entries(providers) as [Category, readonly { id: string }[]][]) {
    for (const { id } of list) {
      combos.push({ label: `--${category} ${id}`, plan: plan({ [category]: isListOption(category) ? [id] : id }) });
    }
  }
  for (const packageManager of packageManagers.filter((pm) => pm !== "npm")) {
    combos.push({ label: `--package-manager ${packageManager}`, plan: plan({ packageManager }) });
  }
  combos.push({ label: "no API keys, no OAuth", plan: plan({ apiKeys: false, oauth: [] }) });
  return combos;
}
