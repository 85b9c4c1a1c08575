import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { env } from "@/lib/env";

const provider = createOpenAICompatible({
  name: "openai-compatible",
  baseURL: env.OPENAI_COMPATIBLE_BASE_URL,
  apiKey: env.OPENAI_COMPATIBLE_API_KEY,
  includeUsage: true,
});

/** Any server that speaks OpenAI's Chat Completions (Ollama, vLLM, LM Studio, a gateway). */
export function languageModel(modelId: string): LanguageModel {
  return provider(modelId);
}
