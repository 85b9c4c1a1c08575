import { describe, expect, it } from "vitest";
import { localEndpointDefaults } from "../../src/providers/ai/openai-compatible.js";
import { dotenv, file, plan } from "./support/plan.js";

const endpoint = { ai: "openai-compatible", aiBaseUrl: "http://gpu.internal:8000/v1", aiModels: "qwen2.5:7b,llama3.2" };

describe("an OpenAI-compatible endpoint (--ai-base-url, --ai-models)", () => {
  it("writes the endpoint and its models into .env", () => {
    const env = dotenv(file(plan(endpoint), ".env"));
    expect(env.OPENAI_COMPATIBLE_BASE_URL).toBe("http://gpu.internal:8000/v1");
    expect(env.OPENAI_COMPATIBLE_MODELS).toBe("qwen2.5:7b,llama3.2");
  });

  it("points .env at a local Ollama and llama3.2 when neither is given", () => {
    const env = dotenv(file(plan({ ai: "openai-compatible" }), ".env"));
    expect(env.OPENAI_COMPATIBLE_BASE_URL).toBe(localEndpointDefaults.baseUrl);
    expect(env.OPENAI_COMPATIBLE_MODELS).toBe("llama3.2");
  });

  it("records neither in craftjs.json: they belong to a machine, and only seed .env", () => {
    const manifest = JSON.parse(file(plan(endpoint), "craftjs.json")) as { command: string; choices: object };
    expect(manifest.choices).toMatchObject({ ai: "openai-compatible" });
    expect(Object.keys(manifest.choices)).not.toContain("aiBaseUrl");
    expect(Object.keys(manifest.choices)).not.toContain("aiModels");
    expect(manifest.command).not.toMatch(/--ai-(base-url|models)|gpu\.internal/);
  });

  it("renders the same files but .env whatever the endpoint, so add re-renders them from the choices alone", () => {
    const given = plan(endpoint).files.filter((planned) => planned.path !== ".env");
    const defaults = plan({ ai: "openai-compatible" }).files.filter((planned) => planned.path !== ".env");
    expect(given).toEqual(defaults);
  });

  it("says in the app's README that the models come from OPENAI_COMPATIBLE_MODELS in .env, not the code", () => {
    const readme = file(plan({ ai: "openai-compatible" }), "README.md").replace(/\s+/g, " ");
    expect(readme).toContain("offers exactly the models `OPENAI_COMPATIBLE_MODELS` lists in `.env`");
    expect(readme).toContain("`src/config/models.ts` reads that variable, so change the list in `.env`, not in the code");
  });
});

describe("OpenAI (--ai openai)", () => {
  it("documents OPENAI_BASE_URL in the app's README, for a proxy or a local server", () => {
    const readme = file(plan({ ai: "openai" }), "README.md").replace(/\s+/g, " ");
    expect(readme).toContain("**Another OpenAI endpoint.** `OPENAI_BASE_URL` sends the chat to another server");
    expect(readme).toContain("a proxy or gateway in front of OpenAI, or a local server (Ollama's `http://localhost:11434/v1`");
  });

  it("leaves the other providers' READMEs without it", () => {
    for (const ai of ["anthropic", "google", "openai-compatible"]) {
      expect(file(plan({ ai }), "README.md")).not.toContain("OPENAI_BASE_URL");
    }
  });
});
