import type { ItemDescriptor } from "../types.js";

export const openai: ItemDescriptor = {
  id: "openai",
  label: "OpenAI",
  templates: "ai/openai",
  ai: { baseUrlEnv: "OPENAI_BASE_URL", apiKeyEnv: "OPENAI_API_KEY" },
  nextSteps: ["Set OPENAI_API_KEY in .env for the chat to answer"],
  dependencies: ["@ai-sdk/openai"],
  env: [
    {
      name: "OPENAI_API_KEY",
      comment: "OpenAI API key. Without it the chat route answers 502 PROVIDER_ERROR.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "OPENAI_BASE_URL",
      comment: "Another endpoint for OpenAI's API (a proxy, or a test server). Unset: OpenAI itself.",
      schema: "z.url().optional()",
      example: "",
    },
  ],
};
