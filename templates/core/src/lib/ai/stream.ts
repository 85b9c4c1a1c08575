import {
  createUIMessageStreamResponse,
  streamText,
  type TextStreamPart,
  type ToolSet,
  toUIMessageStream,
  type UIMessageChunk,
} from "ai";
import { chatConfig } from "@/config/chat";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import type { ChatTurn } from "./messages";
import type { ModelConfig } from "./models";
import { languageModel } from "./provider";

export interface FinishedAnswer {
  text: string;
  /** What the provider reported; nothing for an answer it cut off. */
  usage: { inputTokens?: number; outputTokens?: number };
}

interface StreamAnswerOptions {
  model: ModelConfig;
  turns: ChatTurn[];
  headers: Record<string, string>;
  /**
   * Called once with the whole answer, whether or not the client is still reading; for an answer the provider cut
   * off after it started, with the part that arrived.
   */
  onFinish(answer: FinishedAnswer): Promise<void>;
  /**
   * Told at once of a promise that settles when this answer is done with: stored (or its storing failed), or ended
   * with nothing to store. It never rejects.
   */
  onSettled?(settled: Promise<void>): void;
}

/** Chunks that mean the provider has started to answer. */
const CONTENT = new Set<UIMessageChunk["type"]>(["text-start", "text-delta", "reasoning-start", "finish"]);

/**
 * The stream parts that are the answer arriving; each re-arms the idle watch. `onChunk` is given every part, also the
 * stream's own (its start and steps, which come before any answer, and its end, abort or error) and keep-alive pings,
 * none of which show that the provider is still writing.
 */
const WRITING = new Set<TextStreamPart<ToolSet>["type"]>(["text-delta", "reasoning-delta", "source"]);

/**
 * Streams the model's answer, under the app's system prompt, as the AI SDK's UI message stream. The response only
 * starts once the provider has produced its first content: a provider that fails or stays silent past AI_TIMEOUT_MS
 * becomes a 502 instead of a broken or endless stream. Once it has started, a provider that then stays silent for
 * AI_IDLE_TIMEOUT_MS is cut off: the client gets an error chunk and what arrived is stored. The answer is generated to
 * the end even if the client goes away, so it is always stored.
 */
export async function streamAnswer({
  model,
  turns,
  headers,
  onFinish,
  onSettled,
}: StreamAnswerOptions): Promise<Response> {
  const abort = new AbortController();
  const storage = storeOnce(onFinish);
  const { result, ended } = generate(model, turns, abort, storage.store);
  onSettled?.(ended.then(storage.stored));
  const reader = toUIMessageStream({ stream: result.stream }).getReader();
  const started = await firstContent(reader, abort);
  return createUIMessageStreamResponse({ stream: continueFrom(started, reader, abort.signal), headers });
}

/** Why an answer was cut off after it started: the provider sent nothing for AI_IDLE_TIMEOUT_MS. */
class ProviderStalled extends Error {
  constructor() {
    super(`The AI provider sent nothing for ${env.AI_IDLE_TIMEOUT_MS} ms and the answer was cut off.`);
    this.name = "ProviderStalled";
  }
}

/**
 * Asks the provider for the answer and drains it independently of the client's stream, so that a disconnect does not
 * stop it: the finished answer goes to `store`, and so does what arrived of one the provider broke off or that
 * stalled, which the idle watch (armed by the answer's first part, reset by every other) aborts, client or no client.
 */
function generate(
  model: ModelConfig,
  turns: ChatTurn[],
  abort: AbortController,
  store: (answer: FinishedAnswer) => void,
) {
  let arrived = "";
  let idleTimer: NodeJS.Timeout | undefined;
  const result = streamText({
    model: languageModel(model.id),
    instructions: chatConfig.systemPrompt,
    messages: turns,
    maxOutputTokens: model.maxOutputTokens,
    maxRetries: 1,
    abortSignal: abort.signal,
    onChunk: ({ chunk }) => {
      if (!WRITING.has(chunk.type)) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => abort.abort(new ProviderStalled()), env.AI_IDLE_TIMEOUT_MS);
      if (chunk.type === "text-delta") arrived += chunk.text;
    },
    onError: ({ error }) => console.error(`AI provider error (${model.id}):`, error),
    // The usage of all the answer's steps (it has one).
    onEnd: ({ text, usage }) =>
      store({ text, usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens } }),
  });
  // Errors are logged by onError above.
  const ended = Promise.resolve(result.consumeStream({ onError: () => {} })).then(() => {
    clearTimeout(idleTimer);
    if (abort.signal.reason instanceof ProviderStalled) console.error(`AI provider stalled (${model.id}).`);
    if (arrived) store({ text: arrived, usage: {} });
  });
  return { result, ended };
}

/**
 * The first answer handed over is stored; a failure to store is logged, since the client has its answer already.
 * `stored()` settles once that storing is over (at once if nothing was handed over).
 */
function storeOnce(onFinish: (answer: FinishedAnswer) => Promise<void>) {
  let storing: Promise<void> | undefined;
  return {
    store(answer: FinishedAnswer): void {
      storing ??= onFinish(answer).catch((error) => console.error("Storing the chat failed:", error));
    },
    stored: (): Promise<void> => storing ?? Promise.resolve(),
  };
}

/**
 * The client's stream: the chunks read so far, then the rest as it comes. An answer the provider broke off, or that
 * was cut off for stalling, ends with an error chunk the client understands rather than a cut connection.
 */
function continueFrom(
  started: UIMessageChunk[],
  reader: ReadableStreamDefaultReader<UIMessageChunk>,
  signal: AbortSignal,
) {
  const endWithError = (controller: ReadableStreamDefaultController<UIMessageChunk>, fallback: string) => {
    const errorText = signal.reason instanceof ProviderStalled ? signal.reason.message : fallback;
    controller.enqueue({ type: "error", errorText });
    controller.close();
  };
  return new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of started) controller.enqueue(chunk);
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else if (value.type === "abort") endWithError(controller, "The answer was stopped.");
        else controller.enqueue(value);
      } catch {
        endWithError(controller, "The AI provider broke off the answer.");
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
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
