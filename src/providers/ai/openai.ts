import type { ItemDescriptor } from "../types.js";

export const openai: ItemDescriptor = {
  id: "openai",
  label: "OpenAI",
  templates: ["ai/keyed", "ai/openai", "ai/chat-completions"],
  templateData: { aiKeyEnv: "OPENAI_API_KEY" },
  ai: { baseUrlEnv: "OPENAI_BASE_URL", apiKeyEnv: "OPENAI_API_KEY" },
  nextSteps: ["Set OPENAI_API_KEY in .env for the chat to answer (until then /api/chat answers 503 NOT_CONFIGURED)"],
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
      comment: "Another endpoint for OpenAI's API (a proxy, or a test server). Unset: OpenAI itself.",
      schema: "z.url().optional()",
      example: "",
    },
  ],
  readme: [
    {
      title: "Another OpenAI endpoint",
      body:
        "`OPENAI_BASE_URL` sends the chat to another server that speaks OpenAI's Chat Completions: a proxy or gateway in\n" +
        "front of OpenAI, or a local server (Ollama's `http://localhost:11434/v1`, LM Studio, vLLM). Set `OPENAI_API_KEY` to\n" +
        "what that server expects (any value, if it checks none), and list the model ids it serves in\n" +
        "`src/config/models.ts`. An app made for such a server (`--ai openai-compatible`, or later `npx create-craftjs add ai\n" +
        "openai-compatible`) reads its model ids from `.env` instead.",
    },
  ],
};
