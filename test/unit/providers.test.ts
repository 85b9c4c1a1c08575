import { describe, expect, it } from "vitest";
import { providers } from "../../src/providers/index.js";
import { apiKeys } from "../../src/providers/features/api-keys.js";
import { dotenv, file, hasFile, plan } from "./support/plan.js";

const aiPackages = providers.ai.flatMap((provider) => provider.dependencies ?? []);

describe("--ai", () => {
  it.each(providers.ai.map((provider) => [provider.id, provider] as const))(
    "%s installs only its own SDK package and documents and validates its endpoint and key variables",
    (id, provider) => {
      const planned = plan({ ai: id });
      expect(aiPackages.filter((name) => name in planned.dependencies)).toEqual(provider.dependencies);
      expect(planned.dependencies.ai).toBeDefined();
      const { baseUrlEnv, apiKeyEnv } = provider.templateData!.ai!;
      expect(Object.keys(dotenv(file(planned, ".env.example")))).toEqual(expect.arrayContaining([baseUrlEnv, apiKeyEnv]));
      expect(file(planned, "src/lib/ai/provider.ts")).toContain(provider.dependencies![0]);
      expect(file(planned, "src/lib/ai/provider.ts")).toContain(baseUrlEnv);
      expect(file(planned, "src/lib/env.ts")).toContain(`${baseUrlEnv}:`);
    },
  );

  it("lists each provider's models in one config file", () => {
    for (const { id } of providers.ai) expect(file(plan({ ai: id }), "src/config/models.ts")).toContain("ModelConfig");
  });
});

describe("--ratelimit", () => {
  const redis = providers.ratelimit.find((provider) => provider.id === "redis")!;
  const redisEnv = redis.env!.map((variable) => variable.name);

  it("counts in memory by default, with no Redis client or variable", () => {
    const planned = plan();
    for (const dependency of redis.dependencies!) expect(planned.dependencies).not.toHaveProperty(dependency);
    for (const name of redisEnv) expect(dotenv(file(planned, ".env.example"))).not.toHaveProperty(name);
    expect(file(planned, "src/lib/ratelimit/counter.ts")).toContain("new Map");
  });

  it("counts in Redis with one Lua script, configurable when Redis is down", () => {
    const planned = plan({ ratelimit: "redis" });
    for (const dependency of redis.dependencies!) expect(planned.dependencies).toHaveProperty(dependency);
    expect(file(planned, "src/lib/ratelimit/counter.ts")).toContain('redis.call("INCR"');
    expect(dotenv(file(planned, ".env"))).toMatchObject({ REDIS_URL: "redis://127.0.0.1:6379" });
    expect(Object.keys(dotenv(file(planned, ".env.example")))).toEqual(expect.arrayContaining(redisEnv));
  });
});

describe("--api-keys", () => {
  it("adds the API-key plugin, its credential, its table and its packages by default", () => {
    const planned = plan();
    for (const dependency of apiKeys.dependencies!) expect(planned.dependencies).toHaveProperty(dependency);
    expect(planned.dependencies["@better-auth/core"]).toBe(planned.dependencies["better-auth"]);
    expect(file(planned, "src/lib/db/schema/index.ts")).toContain('export * from "./api-keys"');
    expect(file(planned, "src/lib/auth/plugins.ts")).toContain("apiKeyAuth.plugin");
    expect(file(planned, "src/lib/auth/api-key-plugin.ts")).toContain("apiKey({ rateLimit: { enabled: false } })");
    expect(file(planned, "src/lib/api/credentials.ts")).toMatch(/\n {2}apiKeyCredential,\n {2}sessionCredential,\n\]/);
  });

  it("leaves every trace of them out with --no-api-keys", () => {
    const planned = plan({ apiKeys: false });
    for (const dependency of apiKeys.dependencies!) expect(planned.dependencies).not.toHaveProperty(dependency);
    expect(planned.files.filter((planned) => planned.owner === "api-keys")).toEqual([]);
    expect(hasFile(planned, "src/lib/auth/api-keys.ts")).toBe(false);
    for (const path of ["src/lib/auth/plugins.ts", "src/lib/api/credentials.ts", "src/lib/db/schema/index.ts", "README.md"]) {
      expect(file(planned, path)).not.toMatch(/api-?key/i);
    }
  });
});

describe("--oauth", () => {
  const variables = (ids: string[]) =>
    providers.oauth.filter((provider) => ids.includes(provider.id)).flatMap((provider) => provider.env!.map((v) => v.name));

  it("offers GitHub and Google by default, each configured by its own two variables", () => {
    const planned = plan();
    expect(Object.keys(dotenv(file(planned, ".env.example")))).toEqual(expect.arrayContaining(variables(["github", "google"])));
    const social = file(planned, "src/lib/auth/social-providers.ts");
    expect(social).toContain('credentials("github"');
    expect(social).toContain('credentials("google"');
  });

  it("renders only the providers asked for", () => {
    const planned = plan({ oauth: "github" });
    const names = Object.keys(dotenv(file(planned, ".env.example")));
    expect(names).toEqual(expect.arrayContaining(variables(["github"])));
    for (const name of variables(["google"])) expect(names).not.toContain(name);
    expect(file(planned, "src/lib/auth/social-providers.ts")).not.toContain("google");
  });

  it("renders none with --oauth none", () => {
    const planned = plan({ oauth: "none" });
    const names = Object.keys(dotenv(file(planned, ".env.example")));
    for (const name of variables(["github", "google"])) expect(names).not.toContain(name);
    expect(file(planned, "src/lib/auth/social-providers.ts")).not.toContain("credentials(");
    expect(planned.choices.oauth).toEqual([]);
  });
});

describe("--cors-origins", () => {
  it("seeds CORS_ORIGINS in .env, trimmed and comma-separated", () => {
    const planned = plan({ corsOrigins: "https://admin.example.com, http://localhost:5173" });
    expect(dotenv(file(planned, ".env")).CORS_ORIGINS).toBe("https://admin.example.com,http://localhost:5173");
    expect(planned.choices.corsOrigins).toEqual(["https://admin.example.com", "http://localhost:5173"]);
  });

  it("leaves CORS_ORIGINS empty by default: the app's own URL is always allowed", () => {
    expect(dotenv(file(plan(), ".env")).CORS_ORIGINS).toBe("");
  });
});

describe("--payments", () => {
  const paymentPackages = providers.payments.flatMap((provider) => provider.dependencies ?? []);

  it.each(providers.payments.filter((provider) => provider.id !== "none").map((provider) => [provider.id, provider] as const))(
    "%s brings its SDK alone, its adapter, the billing routes and tables, and documents its variables",
    (id, provider) => {
      const planned = plan({ payments: id });
      expect(paymentPackages.filter((name) => name in planned.dependencies)).toEqual(provider.dependencies);
      expect(file(planned, "src/lib/billing/provider.ts")).toContain(`id: "${id}"`);
      for (const route of ["checkout", "billing/portal", "billing/subscription", "billing/plans", "webhooks/[provider]"]) {
        expect(hasFile(planned, `src/app/api/${route}/route.ts`), route).toBe(true);
      }
      expect(file(planned, "src/lib/db/schema/index.ts")).toContain('export * from "./billing"');
      expect(file(planned, "src/lib/api/error-codes.ts")).toContain("INVALID_SIGNATURE: 400");
      const documented = Object.keys(dotenv(file(planned, ".env.example")));
      expect(documented).toEqual(expect.arrayContaining(provider.env!.map((variable) => variable.name)));
    },
  );

  it("is Stripe by default", () => {
    expect(plan().choices.payments).toBe("stripe");
  });

  it("renders no billing route, table, error code or dependency with --payments none", () => {
    const planned = plan({ payments: "none" });
    for (const dependency of paymentPackages) expect(planned.dependencies).not.toHaveProperty(dependency);
    expect(planned.files.filter((planned) => /billing|checkout|webhooks/.test(planned.path))).toEqual([]);
    expect(file(planned, "src/lib/db/schema/index.ts")).not.toContain("billing");
    expect(file(planned, "src/lib/api/error-codes.ts")).not.toContain("INVALID_SIGNATURE");
  });
});

describe("--storage", () => {
  const storagePackages = [...new Set(providers.storage.flatMap((provider) => provider.dependencies ?? []))];

  it.each(providers.storage.filter((provider) => provider.id !== "none").map((provider) => [provider.id, provider] as const))(
    "%s brings its adapter, the upload and files routes and the uploads table, and documents its variables",
    (id, provider) => {
      const planned = plan({ storage: id });
      expect(storagePackages.filter((name) => name in planned.dependencies)).toEqual([...new Set(provider.dependencies ?? [])]);
      expect(hasFile(planned, "src/lib/storage/adapter.ts")).toBe(true);
      for (const route of ["upload", "files", "files/[id]", "files/[id]/complete", "files/[id]/content"]) {
        expect(hasFile(planned, `src/app/api/${route}/route.ts`), route).toBe(true);
      }
      expect(file(planned, "src/lib/db/schema/index.ts")).toContain('export * from "./uploads"');
      expect(file(planned, "src/lib/api/error-codes.ts")).toContain("UNSUPPORTED_FILE_TYPE: 415");
      const documented = Object.keys(dotenv(file(planned, ".env.example")));
      expect(documented).toEqual(expect.arrayContaining((provider.env ?? []).map((variable) => variable.name)));
    },
  );

  it("is the local disk by default", () => {
    expect(plan().choices.storage).toBe("local");
  });

  it("renders no upload route, table, error code or dependency with --storage none", () => {
    const planned = plan({ storage: "none" });
    for (const dependency of storagePackages) expect(planned.dependencies).not.toHaveProperty(dependency);
    expect(planned.files.filter((planned) => /upload|storage|\/files/.test(planned.path))).toEqual([]);
    expect(file(planned, "src/lib/db/schema/index.ts")).not.toContain("uploads");
    expect(file(planned, "src/lib/api/error-codes.ts")).not.toContain("FILE_TOO_LARGE");
  });
});
