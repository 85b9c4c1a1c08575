import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { packageManagers } from "../../src/package-manager.js";
import { type Category, providers } from "../../src/providers/index.js";
import { type Combination, combinations, scaffoldedChoices } from "../e2e/combinations.js";

/** The categories a combination chooses a provider in (OAuth is the same code for every provider, proven by each app). */
const CHOSEN = ["db", "ai", "payments", "storage", "email", "ratelimit"] as const satisfies readonly (Category & keyof Combination)[];

describe("the end-to-end suite's combinations", () => {
  it("prove every registered provider and every package manager at least once, as made or as scaffolded before add", () => {
    const proven = (category: (typeof CHOSEN)[number]) =>
      new Set<string>(combinations.flatMap((combination) => [combination[category], scaffoldedChoices(combination)[category]]));
    const missing = CHOSEN.flatMap((category) =>
      providers[category].map((provider) => provider.id).filter((id) => !proven(category).has(id)).map((id) => `${category} ${id}`),
    );
    const managers = new Set(combinations.map((combination) => combination.packageManager));
    missing.push(...packageManagers.filter((manager) => !managers.has(manager)).map((manager) => `package manager ${manager}`));
    expect(missing).toEqual([]);
  });

  it("run every browser spec the templates hold in at least one generated app", () => {
    const templates = fileURLToPath(new URL("../../templates/", import.meta.url));
    const specs = readdirSync(templates, { recursive: true, encoding: "utf8" })
      .filter((file) => /(^|\/)e2e\/[^/]+\.spec\.ts$/.test(file))
      .map((file) => file.replace(/^.*\//, "").replace(/\.spec\.ts$/, ""));
    expect(specs.length).toBeGreaterThan(5);
    const run = new Set(combinations.flatMap((combination) => combination.browserSpecs ?? specs));
    expect(specs.filter((spec) => !run.has(spec))).toEqual([]);
  });
});
