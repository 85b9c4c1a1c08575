import type { ItemDescriptor } from "../types.js";

export const google: ItemDescriptor<"google"> = {
  id: "google",
  label: "Google Gemini",
  templates: ["ai/keyed", "ai/google"],
  templateData: { ai: { baseUrlEnv: "GOOGLE_GENERATIVE_AI_BASE_URL", apiKeyEnv: "GOOGLE_GENERATIVE_AI_API_KEY" } },
  nextSteps: [
    "Set GOOGLE_GENERATIVE_AI_API_KEY in .env for the chat to answer (until then /api/chat answers 503 NOT_CONFIGURED)",
  ],
  dependencies: ["@ai-sdk/google"],
  env: [
    {
      name: "GOOGLE_GENERATIVE_AI_API_KEY",
      comment: "Gemini API key. Without it the chat route answers 503 NOT_CONFIGURED.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "GOOGLE_GENERATIVE_AI_BASE_URL",
      comment: "Another endpoint for the Gemini API, up to and including /v1beta. Unset: Google itself.",
      schema: "z.url().optional()",
      example: "",
    },
  ],
  readme: [
    {
      title: "Google Gemini",
      body:
        "The chat needs `GOOGLE_GENERATIVE_AI_API_KEY` (a key from Google AI Studio); until it is set,\n" +
        "`/api/chat` answers 503 `NOT_CONFIGURED` naming it. `GOOGLE_GENERATIVE_AI_BASE_URL` points the SDK at\n" +
        "another endpoint (a proxy or gateway). To run on a local model instead (Ollama, LM Studio, vLLM), `npx\n" +
        "create-craftjs add ai openai-compatible` switches the provider.",
    },
  ],
};
