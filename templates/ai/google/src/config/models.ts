import type { ModelConfig } from "@/lib/ai/models";

/** The Gemini models chats may use; the first is the default unless AI_DEFAULT_MODEL names another. */
export const models: ModelConfig[] = [
  { id: "gemini-2.5-flash", contextTokens: 1_048_576, maxOutputTokens: 65_536 },
  { id: "gemini-2.5-pro", contextTokens: 1_048_576, maxOutputTokens: 65_536 },
  { id: "gemini-2.5-flash-lite", contextTokens: 1_048_576, maxOutputTokens: 65_536 },
];
