import type { ModelConfig } from "@/lib/ai/models";

/** The OpenAI models chats may use; the first is the default unless AI_DEFAULT_MODEL names another. */
export const models: ModelConfig[] = [
  { id: "gpt-4.1-mini", contextTokens: 1_047_576, maxOutputTokens: 32_768 },
  { id: "gpt-4.1", contextTokens: 1_047_576, maxOutputTokens: 32_768 },
  { id: "gpt-4o-mini", contextTokens: 128_000, maxOutputTokens: 16_384 },
  { id: "o4-mini", contextTokens: 200_000, maxOutputTokens: 100_000 },
];
