import { DefaultChatTransport, type UIMessage } from "ai";
import { errorOf } from "@/lib/client/api";

export interface ConversationState {
  /** The stored chat the conversation continues; null until the server has answered a new one. */
  chatId(): string | null;
  /** The model the user picked, if the app offers any. */
  model(): string | undefined;
  /**
   * Told of each answer as it is asked for: `started` resolves with the id the server gave the chat (X-Chat-Id) as
   * soon as the answer starts, also for one the user stopped before that; with null if it never starts.
   */
  onAnswer(started: Promise<string | null>): void;
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
    fetch: (input, init) => {
      const { response, started } = fetchAnswer(input, init);
      state.onAnswer(started);
      return response;
    },
  });
}

/**
 * Asks for an answer. An abort (the user's Stop, or the page going away) ends the wait for it at once, but not the
 * request: that goes on until the answer's headers are in, and only then closes, since they name a new chat and a Stop
 * must name it to the server. Aborted before it was sent, it is not sent.
 */
function fetchAnswer(input: RequestInfo | URL, init: RequestInit | undefined) {
  const aborted = init?.signal;
  if (aborted?.aborted) return { response: Promise.reject(aborted.reason), started: Promise.resolve(null) };
  const connection = new AbortController();
  const responding = fetch(input, { ...init, signal: connection.signal }).then(async (response) => {
    if (!response.ok) throw await errorOf(response);
    return response;
  });
  const started = responding.then(
    (response) => response.headers.get("X-Chat-Id"),
    () => null,
  );
  if (!aborted) return { response: responding, started };
  aborted.addEventListener("abort", () => void started.then(() => connection.abort()), { once: true });
  return { response: untilAborted(responding, aborted), started };
}

/** What `promise` settles with, or the abort's reason as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}
