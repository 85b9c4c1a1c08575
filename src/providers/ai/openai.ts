import type { ItemDescriptor } from "../types.js";

export const openai: ItemDescriptor<"openai"> = {
  id: "openai",
  label: "OpenAI",
  templates: ["ai/keyed", "ai/openai", "ai/chat-completions"],
  templateData: { ai: { baseUrlEnv: "OPENAI_BASE_URL", apiKeyEnv: "OPENAI_API_KEY" } },
  nextSteps: [
    "Set OPENAI_API_KEY in .env for the chat to answer (until then /api/chat answers 503 NOT_CONFIGURED); for any " +
      "OpenAI-compatible server instead (Ollama, LM Studio, vLLM), set OPENAI_BASE_URL and OPENAI_MODELS there too",
  ],
  dependencies: ["@ai-sdk/openai"],
  env: [
    {
      name: "OPENAI_API_KEY",
      comment: "OpenAI API key. Without it the chat route answers 503 NOT_CONFIGURED naming this variable.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "OPENAI_BASE_URL",
      comment:
        "Another endpoint that speaks OpenAI's API: a proxy, or any OpenAI-compatible server (Ollama: http://localhost:11434/v1). Unset: OpenAI itself.",
      schema: "z.url().optional()",
      example: "",
    },
    {
      name: "OPENAI_MODELS",
      comment:
        "The model ids the chat offers, comma-separated, the first by default (with OPENAI_BASE_URL: the ones that server serves, e.g. llama3.2). Unset: OpenAI's models in src/config/models.ts.",
      schema: 'z.string().regex(/\\w/, "must name a model id").optional()',
      example: "",
    },
  ],
  readme: [
    {
      title: "Another OpenAI endpoint",
      body:
        "`OPENAI_BASE_URL` sends the chat to another server that speaks OpenAI's Chat Completions: a proxy or gateway in\n" +
        "front of OpenAI, or a local server (Ollama's `http://localhost:11434/v1`, LM Studio, vLLM). Set `OPENAI_API_KEY` to\n" +
        "what that server expects (any value, if it checks none), and `OPENAI_MODELS` to the model ids it serves: all in\n" +
        "`.env`, no code to edit. Without `OPENAI_MODELS` the chat offers OpenAI's models from `src/config/models.ts`.",
    },
  ],
};
