import { createAnthropic } from "@ai-sdk/anthropic";
import type { LanguageModel } from "ai";
import { notConfigured } from "@/lib/api/errors";
import { env } from "@/lib/env";

const anthropic = createAnthropic({ apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL });

/** Anthropic's Messages API. Without a key it refuses with 503 NOT_CONFIGURED before anything is sent. */
export function languageModel(modelId: string): LanguageModel {
  if (!env.ANTHROPIC_API_KEY) throw notConfigured("The AI provider (Anthropic)", "ANTHROPIC_API_KEY");
  return anthropic(modelId);
}
