import { afterEach, describe, expect, it, vi } from "vitest";
import { models } from "@/config/models";

/** The provider module as a server started with this ANTHROPIC_API_KEY loads it (an empty value is no value). */
async function providerStartedWith(key: string) {
  vi.stubEnv("ANTHROPIC_API_KEY", key);
  vi.resetModules();
  return import("./provider");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("languageModel", () => {
  const modelId = models[0]!.id;

  it("refuses with 503 NOT_CONFIGURED, naming ANTHROPIC_API_KEY, while the key is unset", async () => {
    const { languageModel } = await providerStartedWith("");
    let refusal: unknown;
    try {
      languageModel(modelId);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ status: 503, code: "NOT_CONFIGURED", details: { variable: "ANTHROPIC_API_KEY" } });
    expect((refusal as Error).message).toContain("set ANTHROPIC_API_KEY");
  });

  it("gives the model once the key is set", async () => {
    const { languageModel } = await providerStartedWith("a-key");
    expect(languageModel(modelId)).toMatchObject({ modelId });
  });
});
