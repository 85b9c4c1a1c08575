import type { ItemDescriptor } from "../types.js";

/** Where a fresh project looks for its models unless told otherwise: a local Ollama and a model it pulls by default. */
export const localEndpointDefaults = { baseUrl: "http://localhost:11434/v1", models: ["llama3.2"] } as const;

export const openaiCompatible: ItemDescriptor<"openai-compatible"> = {
  id: "openai-compatible",
  label: "OpenAI-compatible endpoint",
  hint: "any server that speaks OpenAI's chat completions, e.g. a local Ollama",
  templates: ["ai/openai-compatible", "ai/chat-completions"],
  templateData: { ai: { baseUrlEnv: "OPENAI_COMPATIBLE_BASE_URL", apiKeyEnv: "OPENAI_COMPATIBLE_API_KEY" } },
  nextSteps: [
    "Start the endpoint OPENAI_COMPATIBLE_BASE_URL in .env points at, serving the models OPENAI_COMPATIBLE_MODELS " +
      "lists (Ollama: `ollama pull <model>` for each, then `ollama serve`)",
  ],
  dependencies: ["@ai-sdk/openai-compatible"],
  env: [
    {
      name: "OPENAI_COMPATIBLE_BASE_URL",
      comment: `The endpoint's base URL, up to and including /v1 (Ollama: ${localEndpointDefaults.baseUrl}).`,
      schema: "z.url()",
      example: localEndpointDefaults.baseUrl,
      value: ({ options }) => (typeof options.aiBaseUrl === "string" ? options.aiBaseUrl : localEndpointDefaults.baseUrl),
    },
    {
      name: "OPENAI_COMPATIBLE_API_KEY",
      comment: "The endpoint's API key, if it wants one (Ollama does not).",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "OPENAI_COMPATIBLE_MODELS",
      comment: "The model ids the endpoint serves, comma-separated; the chat offers exactly these, the first by default.",
      schema: `z.string().regex(/\\w/, "must name a model id").default("${localEndpointDefaults.models.join(",")}")`,
      example: "llama3.2,qwen2.5",
      value: ({ options }) => (Array.isArray(options.aiModels) ? options.aiModels : localEndpointDefaults.models).join(","),
    },
    {
      name: "OPENAI_COMPATIBLE_CONTEXT_TOKENS",
      comment: "The context window of those models, in tokens (local servers often run with small ones).",
      schema: "z.coerce.number().int().positive().default(8192)",
      example: "8192",
    },
  ],
  readme: [
    {
      title: "Models from `.env`",
      body:
        "The chat talks to the server at `OPENAI_COMPATIBLE_BASE_URL` (any server that speaks OpenAI's Chat Completions:\n" +
        "Ollama, vLLM, LM Studio, a gateway) and offers exactly the models `OPENAI_COMPATIBLE_MODELS` lists in `.env`,\n" +
        "comma-separated, the first by default (`AI_DEFAULT_MODEL` names another): `src/config/models.ts` reads that\n" +
        "variable, so change the list in `.env`, not in the code. `OPENAI_COMPATIBLE_CONTEXT_TOKENS` is their context window\n" +
        "and `OPENAI_COMPATIBLE_API_KEY` the key, if the server wants one. With Ollama: `ollama pull llama3.2`, then\n" +
        "`ollama serve`, and the defaults work as they are.",
    },
  ],
};
