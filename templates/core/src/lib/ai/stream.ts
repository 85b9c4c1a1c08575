import { createUIMessageStreamResponse, type LanguageModelUsage, streamText, type UIMessageChunk } from "ai";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import type { ChatTurn } from "./messages";
import type { ModelConfig } from "./models";
import { languageModel } from "./provider";

export interface FinishedAnswer {
  text: string;
  usage: LanguageModelUsage;
}

interface StreamAnswerOptions {
  model: ModelConfig;
  turns: ChatTurn[];
  headers: Record<string, string>;
  /** Called once the whole answer exists, whether or not the client is still reading. */
  onFinish(answer: FinishedAnswer): Promise<void>;
}

/** Chunks that mean the provider has started to answer. */
const CONTENT = new Set<UIMessageChunk["type"]>(["text-start", "text-delta", "reasoning-start", "finish"]);

/**
 * Streams the model's answer as the AI SDK's UI message stream. The response only starts once the provider has
 * produced its first content: a provider that fails or stays silent past AI_TIMEOUT_MS becomes a 502 instead of a
 * broken or endless stream. The answer is generated to the end even if the client goes away, so it is always stored.
 */
export async function streamAnswer({ model, turns, headers, onFinish }: StreamAnswerOptions): Promise<Response> {
  const abort = new AbortController();
  const result = streamText({
    model: languageModel(model.id),
    messages: turns,
    maxOutputTokens: model.maxOutputTokens,
    maxRetries: 1,
    abortSignal: abort.signal,
    onError: ({ error }) => console.error(`AI provider error (${model.id}):`, error),
    onFinish: ({ text, totalUsage }) =>
      onFinish({ text, usage: totalUsage }).catch((error) => console.error("Storing the chat failed:", error)),
  });
  // Drain the answer independently of the client's stream, so that a disconnect does not stop it being stored
  // (errors are already logged by onError above).
  void result.consumeStream({ onError: () => {} });

  const reader = result.toUIMessageStream().getReader();
  const buffered = await firstContent(reader, abort);
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of buffered) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return createUIMessageStreamResponse({ stream, headers });
}

/** Reads up to the provider's first content, within the timeout; a failure before it is a 502. */
async function firstContent(reader: ReadableStreamDefaultReader<UIMessageChunk>, abort: AbortController) {
  const timer = setTimeout(() => abort.abort(), env.AI_TIMEOUT_MS);
  const buffered: UIMessageChunk[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return buffered;
      if (value.type === "error" || value.type === "abort") {
        await reader.cancel();
        const reason = abort.signal.aborted
          ? `The AI provider did not answer within ${env.AI_TIMEOUT_MS} ms.`
          : "The AI provider failed to answer.";
        throw new ApiError("PROVIDER_ERROR", reason);
      }
      buffered.push(value);
      if (CONTENT.has(value.type)) return buffered;
    }
  } finally {
    clearTimeout(timer);
  }
}
