import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { findProvider, providers } from "../../src/providers/index.js";
import { file, hasFile, plan } from "./support/plan.js";

const readmeOf = (given: Parameters<typeof plan>[0] = {}) => file(plan(given), "README.md");

/** The part of a README under one `## ` heading, up to the next one. */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`The README has no "## ${heading}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe("the generated README's deployment section", () => {
  it("says to set APP_URL, and that SQLite wants one instance on a persistent disk", () => {
    const deployment = section(readmeOf(), "Deployment");
    expect(deployment).toContain("`APP_URL` the address people");
    expect(deployment).toContain("INVALID_ORIGIN");
    expect(deployment).toMatch(/exactly one instance, on a disk that outlives deployments/);
    expect(deployment).toContain("npm run db:migrate");
  });

  it("sends several instances to PostgreSQL and Redis, and says how to move from SQLite later", () => {
    const onSqlite = readmeOf();
    expect(onSqlite).toContain("### From SQLite to PostgreSQL later");
    expect(onSqlite).toContain("`--db postgres` instead of\n   `--db sqlite`");
    const onPostgres = section(readmeOf({ db: "postgres" }), "Deployment");
    expect(onPostgres).toContain("As many instances as you like");
    expect(onPostgres).toContain("add ratelimit redis");
    expect(onPostgres).not.toContain("From SQLite");
  });

  it("writes its commands in the chosen package manager's syntax", () => {
    expect(section(readmeOf({ packageManager: "pnpm" }), "Deployment")).toContain("`pnpm build`, then `pnpm db:migrate`");
  });

  it("comes with a Dockerfile built on Next.js's standalone output, which npm start does not get", () => {
    const planned = plan();
    expect(file(planned, "Dockerfile")).toContain("NEXT_OUTPUT=standalone");
    expect(file(planned, "Dockerfile")).toContain("--mount=type=secret,id=dotenv");
    expect(file(planned, ".dockerignore")).toMatch(/^\.env$/m);
    expect(file(planned, "next.config.ts")).toContain('process.env.NEXT_OUTPUT === "standalone" && { output: "standalone" }');
  });
});

describe("OAuth callback URLs", () => {
  const callback = (id: string) => `\`<APP_URL>/api/auth/callback/${id}\``;

  it("are in the README for each chosen provider, and only for those", () => {
    const both = readmeOf();
    expect(both).toContain(callback("github"));
    expect(both).toContain(callback("google"));
    const githubOnly = readmeOf({ oauth: "github" });
    expect(githubOnly).toContain(callback("github"));
    expect(githubOnly).not.toContain("/api/auth/callback/google");
    expect(readmeOf({ oauth: "none" })).not.toContain("/api/auth/callback/");
  });

  it("are in the next steps", () => {
    expect(plan({ oauth: "github" }).nextSteps).toContainEqual(
      expect.stringContaining("(callback URL: http://localhost:3000/api/auth/callback/github)"),
    );
  });
});

describe("links", () => {
  const packagePage = "/package/create-craftjs";

  it("point at no package page that is not published yet", async () => {
    expect(readmeOf()).not.toContain(packagePage);
    expect(await readFile(new URL("../../README.md", import.meta.url), "utf8")).not.toContain(packagePage);
  });
});

describe("an AI provider without its key", () => {
  const keyed = providers.ai.filter((provider) => provider.id !== "openai-compatible");

  it.each(keyed.map((provider) => [provider.id, provider.templateData!.ai!.apiKeyEnv] as const))(
    "%s refuses with 503 NOT_CONFIGURED naming %s",
    (id, apiKeyEnv) => {
      const source = file(plan({ ai: id }), "src/lib/ai/provider.ts");
      for (const part of [`if (!env.${apiKeyEnv})`, "throw notConfigured(", `"${apiKeyEnv}");`]) expect(source).toContain(part);
    },
  );

  it.each(["anthropic", "google"])("%s: the README, .env.example and the next steps say so", (id) => {
    const { apiKeyEnv } = findProvider("ai", id).templateData!.ai!;
    const planned = plan({ ai: id });
    expect(file(planned, "README.md")).toContain(`The chat needs \`${apiKeyEnv}\``);
    expect(file(planned, ".env.example")).toContain("Without it the chat route answers 503 NOT_CONFIGURED.");
    expect(planned.nextSteps).toContainEqual(expect.stringContaining(`Set ${apiKeyEnv} in .env`));
    expect(planned.nextSteps).toContainEqual(expect.stringContaining("503 NOT_CONFIGURED"));
  });

  it("is described in the README's chat section, with a local model as the way out", () => {
    expect(readmeOf()).toContain("503\n`NOT_CONFIGURED` with the variable to set");
    expect(readmeOf({ ai: "anthropic" })).toMatch(/add ai\s+openai-compatible/);
  });
});

describe("/api/keys", () => {
  it("belongs to the api-keys feature, with its README rows and a curl example", () => {
    const planned = plan();
    for (const route of ["src/app/api/keys/route.ts", "src/app/api/keys/[id]/route.ts", "src/lib/auth/api-key-store.ts"]) {
      expect(planned.files.find((candidate) => candidate.path === route)).toMatchObject({ owner: "api-keys", kind: "owned" });
    }
    const readme = file(planned, "README.md");
    expect(readme).toMatch(/^\| `\/api\/keys` +\| GET, POST +\| yes +\|/m);
    expect(readme).toMatch(/^\| `\/api\/keys\/\[id\]` +\| DELETE +\| yes +\|/m);
    expect(readme).toContain("curl -b cookies.txt -H 'content-type: application/json' -d '{\"name\":\"ci\"}'");
  });

  it("is absent without API keys", () => {
    const planned = plan({ apiKeys: false });
    expect(hasFile(planned, "src/app/api/keys/route.ts")).toBe(false);
    expect(file(planned, "README.md")).not.toContain("/api/keys");
  });
});

describe("auth errors", () => {
  it("are described in the README: the error shape, with Better Auth's codes and its message", () => {
    expect(section(readmeOf(), "The API")).toContain(
      "Better Auth's routes (`/api/auth/*`) answer in the same shape, with Better Auth's own codes",
    );
  });
});

describe("origins", () => {
  it("are all trusted on loopback addresses while APP_URL is one, as the README and .env.example say", () => {
    const planned = plan();
    expect(file(planned, "README.md")).toContain("so may every loopback origin on any port");
    expect(file(planned, ".env.example")).toContain("every loopback origin and port is allowed too");
  });
});
