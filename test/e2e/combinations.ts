import path from "node:path";
import type { PackageManager } from "../../src/package-manager.js";
import { displayNameOf } from "../../src/package-name.js";
import type { ProviderId } from "../../src/providers/index.js";
import type { Service } from "./support/services.js";

/** One way to generate an app that the end-to-end suite proves. */
export interface Combination {
  name: string;
  db: ProviderId<"db">;
  ai: ProviderId<"ai">;
  ratelimit: ProviderId<"ratelimit">;
  payments: ProviderId<"payments">;
  storage: ProviderId<"storage">;
  email: ProviderId<"email">;
  apiKeys: boolean;
  /** Installs and runs the app's scripts; its lockfile is checked. */
  packageManager: PackageManager;
  /**
   * Runs only these of its app's browser specs (`e2e/<name>.spec.ts`); unset, all of them. Each spec runs in at least
   * one combination (a unit test checks it): those of pages every app shares once, those a provider changes with it.
   */
  browserSpecs?: string[];
  /** The name people see (--app-name); unset, the folder's name title-cased. */
  appName?: string;
  /** Scaffold with no flags at all: proves the defaults (which must then be the values above). */
  defaults?: boolean;
  /**
   * Scaffold without these items, with the choices in `scaffoldedWith`, then bring each in with `create-craftjs add`
   * (one run each) before the rest of the suite proves the result.
   */
  added?: { items: string[][]; scaffoldedWith: Partial<Pick<Combination, "ratelimit" | "apiKeys" | "payments" | "storage">> };
}

export const EXTRA_CORS_ORIGIN = "https://admin.example.com";

/**
 * Add a provider combination here and the whole suite runs against it. Two run at a time, in this order: the longest
 * first, so that the two slots finish close together.
 */
export const combinations: Combination[] = [
  {
    name: "sqlite",
    db: "sqlite",
    ai: "openai",
    ratelimit: "memory",
    payments: "stripe",
    storage: "local",
    email: "console",
    apiKeys: true,
    packageManager: "npm",
    defaults: true,
    // The free plan at a human pace (a minute and a half) runs beside the pages no other combination opens; the sign-in,
    // chat, settings and key pages run in postgres-anthropic-redis, so the two browser runs take about as long.
    browserSpecs: ["free-plan", "home", "performance", "chat-rendering", "files", "billing"],
  },
  {
    name: "postgres-anthropic-redis",
    db: "postgres",
    ai: "anthropic",
    ratelimit: "redis",
    payments: "polar",
    storage: "local",
    email: "smtp",
    apiKeys: true,
    packageManager: "pnpm",
    appName: "Acme & Co Chat",
    // What its providers change in the browser (sign-in mail over SMTP, Anthropic's stream, Polar's checkout), and the
    // pages the sqlite combination leaves to it.
    browserSpecs: ["auth", "chat", "settings", "billing", "api-keys"],
  },
  { name: "postgres-compatible", db: "postgres", ai: "openai-compatible", ratelimit: "memory", payments: "dodo", storage: "r2", email: "resend", apiKeys: true, packageManager: "yarn", browserSpecs: ["billing", "files"] },
  {
    name: "sqlite-google-added",
    db: "sqlite",
    ai: "google",
    ratelimit: "redis",
    payments: "stripe",
    storage: "s3",
    email: "console",
    apiKeys: true,
    packageManager: "bun",
    browserSpecs: ["api-keys", "billing", "files"],
    added: {
      items: [["api-keys"], ["ratelimit", "redis"], ["payments", "stripe"], ["storage", "s3"]],
      scaffoldedWith: { ratelimit: "memory", apiKeys: false, payments: "none", storage: "none" },
    },
  },
];

/** The choices a combination is scaffolded with (before anything is added). */
export function scaffoldedChoices(combination: Combination): Combination {
  return { ...combination, ...combination.added?.scaffoldedWith };
}

/** The CLI flags that generate a combination (without what `add` brings later). */
export function flagsOf(combination: Combination): string[] {
  if (combination.defaults) return [];
  const scaffolded = scaffoldedChoices(combination);
  return [
    ...["--db", scaffolded.db, "--ai", scaffolded.ai, "--ratelimit", scaffolded.ratelimit, "--payments", scaffolded.payments],
    ...["--storage", scaffolded.storage, "--email", scaffolded.email],
    ...["--package-manager", scaffolded.packageManager],
    ...(scaffolded.apiKeys ? [] : ["--no-api-keys", "--oauth", "none"]),
    ...["--cors-origins", EXTRA_CORS_ORIGIN],
    ...(scaffolded.appName ? ["--app-name", scaffolded.appName] : []),
  ];
}

export function servicesOf(combination: Combination): Service[] {
  return [
    ...(combination.db === "postgres" ? (["postgres"] as const) : []),
    ...(combination.ratelimit === "redis" ? (["redis"] as const) : []),
  ];
}

/**
 * CRAFTJS_E2E=sqlite,postgres-compatible picks combinations (and update-0.3.0) by name; unset runs them all, `none`
 * runs none.
 */
export function selectedCombinations(filter = process.env.CRAFTJS_E2E): Combination[] {
  if (!filter) return combinations;
  const names = filter.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !["none", UPDATE_PIPELINE].includes(name) && !combinations.some((c) => c.name === name));
  if (unknown.length > 0) throw new Error(`CRAFTJS_E2E names unknown combinations: ${unknown.join(", ")}`);
  return combinations.filter((combination) => names.includes(combination.name));
}

/** The suite's pipeline that is not a combination: a 0.3.0 project carried to this version by `update`. */
export const UPDATE_PIPELINE = "update-0.3.0";

/** Whether CRAFTJS_E2E (unset: everything) selects a pipeline that is not a combination. */
export function pipelineSelected(name: string, filter = process.env.CRAFTJS_E2E): boolean {
  return !filter || filter.split(",").some((selected) => selected.trim() === name);
}

/** The name an app of this combination shows people: its --app-name, else its folder's name title-cased. */
export function appNameOf(combination: Combination, appDir: string): string {
  return combination.appName ?? displayNameOf(path.basename(appDir));
}
