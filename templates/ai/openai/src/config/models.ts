import type { ModelConfig } from "@/lib/ai/models";
import { env } from "@/lib/env";

/** OpenAI's models; the first is the default unless AI_DEFAULT_MODEL names another. */
const openaiModels: ModelConfig[] = [
  { id: "gpt-4.1-mini", contextTokens: 1_047_576, maxOutputTokens: 32_768 },
  { id: "gpt-4.1", contextTokens: 1_047_576, maxOutputTokens: 32_768 },
  { id: "gpt-4o-mini", contextTokens: 128_000, maxOutputTokens: 16_384 },
  { id: "o4-mini", contextTokens: 200_000, maxOutputTokens: 100_000 },
];

/** What a model OPENAI_MODELS names that is none of OpenAI's above may take: a local server's usual window. */
const OTHER_MODEL: Omit<ModelConfig, "id"> = { contextTokens: 32_768, maxOutputTokens: 4_096 };

/**
 * The models chats may use: the ids OPENAI_MODELS lists, in its order (OpenAI's own keep their windows), so any
 * OpenAI-compatible server is one .env away; OpenAI's models when it is unset.
 */
export const models: ModelConfig[] = env.OPENAI_MODELS
  ? env.OPENAI_MODELS.split(",")
      .map((id) => id.trim())
      .filter(Boolean)
      .map((id) => openaiModels.find((model) => model.id === id) ?? { id, ...OTHER_MODEL })
  : openaiModels;
