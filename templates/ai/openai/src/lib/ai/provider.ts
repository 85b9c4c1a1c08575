import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { notConfigured } from "@/lib/api/errors";
import { env } from "@/lib/env";

const openai = createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL });

/**
 * OpenAI's Chat Completions API, which every OpenAI model and most proxies in front of them speak. Without a key it
 * refuses with 503 NOT_CONFIGURED before anything is sent.
 */
export function languageModel(modelId: string): LanguageModel {
  if (!env.OPENAI_API_KEY) throw notConfigured("The AI provider (OpenAI)", "OPENAI_API_KEY");
  return openai.chat(modelId);
}
