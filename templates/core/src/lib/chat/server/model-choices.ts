import { env } from "@/lib/env";
import { modelIds } from "@/lib/ai/models";

/**
 * For a page on the server: the models a user may pick, and the one picked to begin with (the chat's own when the
 * app still offers it, else the API's default), so the picker shows what the API would use anyway.
 */
export function modelChoices(chatModel?: string): { models: string[]; initialModel: string | undefined } {
  const byDefault =
    env.AI_DEFAULT_MODEL && modelIds.includes(env.AI_DEFAULT_MODEL) ? env.AI_DEFAULT_MODEL : modelIds[0];
  const initialModel = chatModel && modelIds.includes(chatModel) ? chatModel : byDefault;
  return { models: modelIds, initialModel };
}
