import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Plan, selectedItems } from "../../src/plan.js";
import { dotenv, everyProviderCombination, file, plan } from "./support/plan.js";

const WORKFLOW = ".github/workflows/ci.yml";

interface Job {
  services?: Record<string, { image: string; ports: string[]; options: string }>;
  env: Record<string, string>;
  steps: { name: string; uses?: string; run?: string; if?: string; with?: Record<string, string> }[];
}

function job(planned: Plan): Job {
  return parse(file(planned, WORKFLOW)).jobs.check;
}

/** The variables the app refuses to start without: validated, with neither a default nor `.optional()`. */
function requiredEnv(planned: Plan): string[] {
  const envModule = file(planned, "src/lib/env.ts");
  return [...envModule.matchAll(/^\s+([A-Z][A-Z0-9_]*): (z\..*),?$/gm)]
    .filter(([, , schema]) => !/\.optional\(\)|\.default\(/.test(schema!))
    .map(([, name]) => name!);
}

describe("the generated CI workflow", () => {
  it("declares every variable the app needs, with .env's values except secrets and service addresses", () => {
    for (const { label, plan: planned } of everyProviderCombination()) {
      const { env } = job(planned);
      for (const name of requiredEnv(planned)) expect(env, `${label}: ${name}`).toHaveProperty(name);
      const local = dotenv(file(planned, ".env"));
      for (const variable of planned.env) {
        const descriptorEnv = selectedItems(planned.choices)
          .flatMap((item) => item.descriptor.env ?? [])
          .find((candidate) => candidate.name === variable.name);
        if (descriptorEnv?.ci) expect(env[variable.name], label).toBe(descriptorEnv.ci);
        else if (local[variable.name]) expect(env[variable.name], `${label}: ${variable.name}`).toBe(local[variable.name]!.replace(/^"|"$/g, ""));
      }
    }
  });

  it("runs a service container for each service the app's choices need, and none otherwise", () => {
    expect(job(plan()).services).toBeUndefined();
    const services = job(plan({ db: "postgres", ratelimit: "redis" })).services!;
    expect(Object.keys(services)).toEqual(["postgres", "redis"]);
    expect(services.postgres!.image).toMatch(/^postgres:\d+\.\d+$/);
    expect(services.postgres!.options).toContain("pg_isready");
    const { env } = job(plan({ db: "postgres", ratelimit: "redis" }));
    expect(env.DATABASE_URL).toBe("postgres://postgres:postgres@localhost:5432/app");
    expect(new URL(env.REDIS_URL!).port).toBe("6379");
  });

  it("installs from the lockfile with the chosen package manager, then checks everything in order", () => {
    const installs = { npm: "npm ci", pnpm: "pnpm install --frozen-lockfile", yarn: "yarn install --frozen-lockfile", bun: "bun install --frozen-lockfile" };
    for (const [packageManager, install] of Object.entries(installs)) {
      const planned = plan({ packageManager });
      const steps = job(planned).steps;
      expect(steps.find((step) => step.name === "Install dependencies")?.run).toBe(install);
      const scripts = Object.keys(JSON.parse(file(planned, "package.json")).scripts);
      const ran = steps.flatMap((step) => (step.run ? [step.run] : []));
      for (const script of ["typecheck", "lint", "format:check", "db:migrate", "test", "build", "test:e2e"]) {
        expect(scripts).toContain(script);
        expect(ran.some((command) => command.endsWith(` ${script}`)), `${packageManager}: ${script}`).toBe(true);
      }
      expect(ran.indexOf(ran.find((command) => command.endsWith(" build"))!)).toBeLessThan(
        ran.indexOf(ran.find((command) => command.endsWith(" test:e2e"))!),
      );
    }
  });

  it("pins every action to an exact release", () => {
    for (const { label, plan: planned } of everyProviderCombination()) {
      for (const step of job(planned).steps.filter((step) => step.uses)) {
        expect(step.uses, label).toMatch(/^[\w-]+\/[\w-]+@v\d+\.\d+\.\d+$/);
      }
    }
  });
});
