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
  it("are the ids OPENAI_COMPATIBLE_MODELS lists, in its order, so the first is the default", async () => {
    const models = await modelsWith({ OPENAI_COMPATIBLE_MODELS: " qwen2.5:7b , llama3.2," });
    expect(models.map((model) => model.id)).toEqual(["qwen2.5:7b", "llama3.2"]);
  });

  it("have the context window OPENAI_COMPATIBLE_CONTEXT_TOKENS says, answers capped at a quarter of it", async () => {
    const models = await modelsWith({ OPENAI_COMPATIBLE_MODELS: "llama3.2", OPENAI_COMPATIBLE_CONTEXT_TOKENS: "8192" });
    expect(models).toEqual([{ id: "llama3.2", contextTokens: 8192, maxOutputTokens: 2048 }]);
  });

  it("stop the app with the variable's name when the list holds no id", async () => {
    await expect(modelsWith({ OPENAI_COMPATIBLE_MODELS: " , " })).rejects.toThrow(
      /OPENAI_COMPATIBLE_MODELS: must name a model id/,
    );
  });
});
