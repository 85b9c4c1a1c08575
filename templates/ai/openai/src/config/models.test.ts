import { afterEach, describe, expect, it, vi } from "vitest";

/** The models module as the app loads it with this environment (the env module reads it once, on import). */
async function modelsWith(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import("./models")).models;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the models on offer", () => {
  it("are OpenAI's while OPENAI_MODELS is unset", async () => {
    const models = await modelsWith({ OPENAI_MODELS: "" });
    expect(models[0]).toMatchObject({ id: "gpt-4.1-mini", contextTokens: 1_047_576 });
  });

  it("are the ids OPENAI_MODELS lists, in its order: a local server's with a usual window, OpenAI's with theirs", async () => {
    const models = await modelsWith({ OPENAI_MODELS: " llama3.2 , gpt-4o-mini," });
    expect(models).toEqual([
      { id: "llama3.2", contextTokens: 32_768, maxOutputTokens: 4_096 },
      { id: "gpt-4o-mini", contextTokens: 128_000, maxOutputTokens: 16_384 },
    ]);
  });
});
