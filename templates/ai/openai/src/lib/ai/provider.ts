import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { env } from "@/lib/env";

const openai = createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL });

/** OpenAI's Chat Completions API, which every OpenAI model and most proxies in front of them speak. */
export function languageModel(modelId: string): LanguageModel {
  return openai.chat(modelId);
}
