import type { ModelConfig } from "@/lib/ai/models";
import { env } from "@/lib/env";

/**
 * The models the endpoint serves, from OPENAI_COMPATIBLE_MODELS (the first is the default unless AI_DEFAULT_MODEL
 * names another), all with the context window OPENAI_COMPATIBLE_CONTEXT_TOKENS says the server runs them with.
 */
export const models: ModelConfig[] = env.OPENAI_COMPATIBLE_MODELS.split(",")
  .map((id) => id.trim())
  .filter(Boolean)
  .map((id) => ({
    id,
    contextTokens: env.OPENAI_COMPATIBLE_CONTEXT_TOKENS,
    maxOutputTokens: Math.min(4_096, Math.floor(env.OPENAI_COMPATIBLE_CONTEXT_TOKENS / 4)),
  }));
