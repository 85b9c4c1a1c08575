import { callApi } from "@/lib/client/api";
import type { ChatSummary } from "../types";

/** What POST /api/chats/<id>/stop answers: the chat as the list shows it, when there was an answer to stop. */
export type StopResult = { stopped: true; chat: ChatSummary } | { stopped: false };

/**
 * Tells the server that the user stopped the chat's answer after being shown `shown` characters of it: it stops
 * writing it and stores that much of it, marked stopped.
 */
export function stopAnswer(chatId: string, shown: number): Promise<StopResult> {
  return callApi<StopResult>(`/api/chats/${encodeURIComponent(chatId)}/stop`, { method: "POST", json: { shown } });
}
