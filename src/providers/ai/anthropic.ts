import type { ItemDescriptor } from "../types.js";

export const anthropic: ItemDescriptor = {
  id: "anthropic",
  label: "Anthropic",
  templates: "ai/anthropic",
  ai: { baseUrlEnv: "ANTHROPIC_BASE_URL", apiKeyEnv: "ANTHROPIC_API_KEY" },
  nextSteps: ["Set ANTHROPIC_API_KEY in .env for the chat to answer"],
  dependencies: ["@ai-sdk/anthropic"],
  env: [
    {
      name: "ANTHROPIC_API_KEY",
      comment: "Anthropic API key. Without it the chat route answers 502 PROVIDER_ERROR.",
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
};
