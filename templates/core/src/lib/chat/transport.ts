import { DefaultChatTransport, type UIMessage } from "ai";
import { errorOf } from "@/lib/api/browser";

export interface ConversationState {
  /** The stored chat the conversation continues; null until the server has answered a new one. */
  chatId(): string | null;
  /** The model the user picked, if the app offers any. */
  model(): string | undefined;
  /** Called as soon as an answer starts, with the id the server gave the chat (X-Chat-Id). */
  onChatId(id: string): void;
}

/**
 * How a conversation talks to POST /api/chat. The server keeps each chat's history and, for a stored chat, reads only
 * the newest question, so only that is sent (a new chat sends the user's messages: an answer that broke off is not
 * the user's and the server would refuse it). An error answer throws with the API's own message.
 */
export function chatTransport(state: ConversationState): DefaultChatTransport<UIMessage> {
  return new DefaultChatTransport({
    api: "/api/chat",
    prepareSendMessagesRequest: ({ messages }) => {
      const chatId = state.chatId();
      const sent = chatId ? messages.slice(-1) : messages.filter((message) => message.role === "user");
      return {
        body: {
          messages: sent.map(({ id, role, parts }) => ({ id, role, parts })),
          model: state.model(),
          chatId: chatId ?? undefined,
        },
      };
    },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (!response.ok) throw await errorOf(response);
      const chatId = response.headers.get("X-Chat-Id");
      if (chatId) state.onChatId(chatId);
      return response;
    },
  });
}
