import type { ItemDescriptor } from "../types.js";

export const google: ItemDescriptor = {
  id: "google",
  label: "Google Gemini",
  templates: "ai/google",
  ai: { baseUrlEnv: "GOOGLE_GENERATIVE_AI_BASE_URL", apiKeyEnv: "GOOGLE_GENERATIVE_AI_API_KEY" },
  nextSteps: ["Set GOOGLE_GENERATIVE_AI_API_KEY in .env for the chat to answer"],
  dependencies: ["@ai-sdk/google"],
  env: [
    {
      name: "GOOGLE_GENERATIVE_AI_API_KEY",
      comment: "Gemini API key. Without it the chat route answers 502 PROVIDER_ERROR.",
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
};
