import type { ItemDescriptor } from "../types.js";

export const openaiCompatible: ItemDescriptor = {
  id: "openai-compatible",
  label: "OpenAI-compatible endpoint",
  hint: "any server that speaks OpenAI's chat completions, e.g. a local Ollama",
  templates: "ai/openai-compatible",
  ai: { baseUrlEnv: "OPENAI_COMPATIBLE_BASE_URL", apiKeyEnv: "OPENAI_COMPATIBLE_API_KEY" },
  nextSteps: ["Point OPENAI_COMPATIBLE_BASE_URL and OPENAI_COMPATIBLE_MODELS in .env at your endpoint (a local Ollama by default)"],
  dependencies: ["@ai-sdk/openai-compatible"],
  env: [
    {
      name: "OPENAI_COMPATIBLE_BASE_URL",
      comment: "The endpoint's base URL, up to and including /v1 (Ollama: http://localhost:11434/v1).",
      schema: "z.url()",
      example: "http://localhost:11434/v1",
      value: () => "http://localhost:11434/v1",
    },
    {
      name: "OPENAI_COMPATIBLE_API_KEY",
      comment: "The endpoint's API key, if it wants one (Ollama does not).",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "OPENAI_COMPATIBLE_MODELS",
      comment: "The model ids the endpoint serves, comma-separated; the first is the default.",
      schema: 'z.string().min(1).default("llama3.2")',
      example: "llama3.2,qwen2.5",
      value: () => "llama3.2",
    },
    {
      name: "OPENAI_COMPATIBLE_CONTEXT_TOKENS",
      comment: "The context window of those models, in tokens (local servers often run with small ones).",
      schema: "z.coerce.number().int().positive().default(8192)",
      example: "8192",
    },
  ],
};
