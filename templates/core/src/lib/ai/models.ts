import { models } from "@/config/models";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

export interface ModelConfig {
  id: string;
  /** The model's context window: prompt and answer together, in tokens. */
  contextTokens: number;
  /** The longest answer the app asks for, in tokens; reserved out of the context window. */
  maxOutputTokens: number;
}

export const modelIds = models.map((model) => model.id);

/** The model a request asked for, else the configured default; an id the app does not offer is a 400. */
export function resolveModel(requested: string | undefined): ModelConfig {
  const id = requested ?? env.AI_DEFAULT_MODEL ?? models[0]!.id;
  const model = models.find((candidate) => candidate.id === id);
  if (!model) {
    throw new ApiError("INVALID_MODEL", `Unknown model "${id}".`, { model: id, validModels: modelIds });
  }
  return model;
}
