import { describe, expect, it } from "vitest";
import { providers } from "../../src/providers/index.js";
import { dotenv, file, hasFile, plan } from "./support/plan.js";

const AI_PACKAGES = ["@ai-sdk/openai", "@ai-sdk/anthropic", "@ai-sdk/google", "@ai-sdk/openai-compatible"];

describe("--ai", () => {
  it.each([
    ["openai", "@ai-sdk/openai", "OPENAI_BASE_URL"],
    ["anthropic", "@ai-sdk/anthropic", "ANTHROPIC_BASE_URL"],
    ["google", "@ai-sdk/google", "GOOGLE_GENERATIVE_AI_BASE_URL"],
    ["openai-compatible", "@ai-sdk/openai-compatible", "OPENAI_COMPATIBLE_BASE_URL"],
  ])("%s installs only its own SDK package and documents its base-URL variable", (ai, sdk, baseUrlVar) => {
    const planned = plan({ ai });
    const installed = AI_PACKAGES.filter((name) => name in planned.dependencies);
    expect(installed).toEqual([sdk]);
    expect(planned.dependencies.ai).toBeDefined();
    expect(dotenv(file(planned, ".env.example"))).toHaveProperty(baseUrlVar);
    expect(file(planned, "src/lib/ai/provider.ts")).toContain(sdk);
    expect(file(planned, "src/lib/env.ts")).toContain(`${baseUrlVar}:`);
  });

  it("lists each provider's models in one config file", () => {
    for (const { id } of providers.ai) expect(file(plan({ ai: id }), "src/config/models.ts")).toContain("ModelConfig");
  });
});

describe("--ratelimit", () => {
  it("counts in memory by default, with no Redis client or variable", () => {
    const planned = plan();
    expect(planned.dependencies).not.toHaveProperty("ioredis");
    expect(dotenv(file(planned, ".env.example"))).not.toHaveProperty("REDIS_URL");
    expect(file(planned, "src/lib/ratelimit/counter.ts")).toContain("new Map");
  });

  it("counts in Redis with one Lua script, configurable when Redis is down", () => {
    const planned = plan({ ratelimit: "redis" });
    expect(planned.dependencies).toHaveProperty("ioredis");
    const counter = file(planned, "src/lib/ratelimit/counter.ts");
    expect(counter).toContain('redis.call("INCR"');
    expect(dotenv(file(planned, ".env"))).toMatchObject({ REDIS_URL: "redis://127.0.0.1:6379" });
    expect(dotenv(file(planned, ".env.example"))).toHaveProperty("RATE_LIMIT_WHEN_STORE_DOWN", "open");
  });
});

describe("--api-keys", () => {
  it("adds the API-key plugin, its table and its packages by default", () => {
    const planned = plan();
    expect(planned.dependencies).toHaveProperty("@better-auth/api-key");
    expect(planned.dependencies["@better-auth/core"]).toBe(planned.dependencies["better-auth"]);
    expect(file(planned, "src/lib/db/schema/index.ts")).toContain('export * from "./api-keys"');
    expect(file(planned, "src/lib/auth/server.ts")).toContain("apiKey({ rateLimit: { enabled: false } })");
    expect(file(planned, "src/lib/api/authenticate.ts")).toContain("presentedApiKey");
  });

  it("leaves every trace of them out with --no-api-keys", () => {
    const planned = plan({ apiKeys: false });
    expect(planned.dependencies).not.toHaveProperty("@better-auth/api-key");
    expect(hasFile(planned, "src/lib/auth/api-keys.ts")).toBe(false);
    expect(hasFile(planned, "src/lib/db/schema/api-keys.ts")).toBe(false);
    for (const path of ["src/lib/auth/server.ts", "src/lib/api/authenticate.ts", "src/lib/db/schema/index.ts"]) {
      expect(file(planned, path)).not.toMatch(/api-?key/i);
    }
  });
});

describe("--oauth", () => {
  it("offers GitHub and Google by default, each configured by its own two variables", () => {
    const planned = plan();
    expect(Object.keys(dotenv(file(planned, ".env.example")))).toEqual(
      expect.arrayContaining(["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"]),
    );
    const social = file(planned, "src/lib/auth/social-providers.ts");
    expect(social).toContain('credentials("github"');
    expect(social).toContain('credentials("google"');
  });

  it("renders only the providers asked for", () => {
    const planned = plan({ oauth: "github" });
    const variables = Object.keys(dotenv(file(planned, ".env.example")));
    expect(variables).toContain("GITHUB_CLIENT_ID");
    expect(variables).not.toContain("GOOGLE_CLIENT_ID");
    expect(file(planned, "src/lib/auth/social-providers.ts")).not.toContain("google");
  });

  it("renders none with --oauth none", () => {
    const planned = plan({ oauth: "none" });
    expect(Object.keys(dotenv(file(planned, ".env.example"))).filter((name) => name.includes("CLIENT"))).toEqual([]);
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
