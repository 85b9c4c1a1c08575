import { createGoogleGenerativeAI } from "@ai-sdk/google";
import type { LanguageModel } from "ai";
import { env } from "@/lib/env";

const google = createGoogleGenerativeAI({
  apiKey: env.GOOGLE_GENERATIVE_AI_API_KEY,
  baseURL: env.GOOGLE_GENERATIVE_AI_BASE_URL,
});

/** The Gemini API. */
export function languageModel(modelId: string): LanguageModel {
  return google(modelId);
}
