import type { ItemDescriptor } from "../types.js";

export const anthropic: ItemDescriptor<"anthropic"> = {
  id: "anthropic",
  label: "Anthropic",
  templates: ["ai/keyed", "ai/anthropic"],
  templateData: { ai: { baseUrlEnv: "ANTHROPIC_BASE_URL", apiKeyEnv: "ANTHROPIC_API_KEY" } },
  nextSteps: ["Set ANTHROPIC_API_KEY in .env for the chat to answer (until then /api/chat answers 503 NOT_CONFIGURED)"],
  dependencies: ["@ai-sdk/anthropic"],
  env: [
    {
      name: "ANTHROPIC_API_KEY",
      comment: "Anthropic API key. Without it the chat route answers 503 NOT_CONFIGURED.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "ANTHROPIC_BASE_URL",
      comment: "Another endpoint for Anthropic's API, up to and including /v1. Unset: Anthropic itself.",
      schema: "z.url().optional()",
      example: "",
    },
  ],
  readme: [
    {
      title: "Anthropic",
      body:
        "The chat needs `ANTHROPIC_API_KEY` (a key from Anthropic's console); until it is set, `/api/chat`\n" +
        "answers 503 `NOT_CONFIGURED` naming it. `ANTHROPIC_BASE_URL` points the SDK at another endpoint (a proxy\n" +
        "or gateway). To run on a local model instead (Ollama, LM Studio, vLLM), `npx create-craftjs add ai\n" +
        "openai-compatible` switches the provider.",
    },
  ],
};
