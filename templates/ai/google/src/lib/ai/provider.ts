import { createGoogle } from "@ai-sdk/google";
import type { LanguageModel } from "ai";
import { notConfigured } from "@/lib/api/errors";
import { env } from "@/lib/env";

const google = createGoogle({
  apiKey: env.GOOGLE_GENERATIVE_AI_API_KEY,
  baseURL: env.GOOGLE_GENERATIVE_AI_BASE_URL,
});

/** The Gemini API. Without a key it refuses with 503 NOT_CONFIGURED before anything is sent. */
export function languageModel(modelId: string): LanguageModel {
  if (!env.GOOGLE_GENERATIVE_AI_API_KEY) {
    throw notConfigured("The AI provider (Google Gemini)", "GOOGLE_GENERATIVE_AI_API_KEY");
  }
  return google(modelId);
}
