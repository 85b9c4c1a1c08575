import type { ModelConfig } from "@/lib/ai/models";

/** The Claude models chats may use; the first is the default unless AI_DEFAULT_MODEL names another. */
export const models: ModelConfig[] = [
  { id: "claude-sonnet-4-5", contextTokens: 200_000, maxOutputTokens: 16_000 },
  { id: "claude-haiku-4-5", contextTokens: 200_000, maxOutputTokens: 16_000 },
  { id: "claude-opus-4-1", contextTokens: 200_000, maxOutputTokens: 16_000 },
];
