import type { Service } from "./support/services.js";

/** One way to generate an app that the end-to-end suite proves: the CLI flags, and the services they need. */
export interface Combination {
  name: string;
  flags: string[];
  services: Service[];
  /** The database the app gets: an embedded file, or a fresh PostgreSQL database made for the run. */
  database: "sqlite" | "postgres";
}

/** Add a provider combination here and the whole suite runs against it. The first one uses only defaults. */
export const combinations: Combination[] = [
  { name: "sqlite", flags: [], services: [], database: "sqlite" },
  { name: "postgres", flags: ["--db", "postgres"], services: ["postgres"], database: "postgres" },
];

/** CRAFTJS_E2E=sqlite,postgres picks combinations by name; unset runs them all, `none` runs none. */
export function selectedCombinations(filter = process.env.CRAFTJS_E2E): Combination[] {
  if (!filter) return combinations;
  const names = filter.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => name !== "none" && !combinations.some((c) => c.name === name));
  if (unknown.length > 0) throw new Error(`CRAFTJS_E2E names unknown combinations: ${unknown.join(", ")}`);
  return combinations.filter((combination) => names.includes(combination.name));
}
