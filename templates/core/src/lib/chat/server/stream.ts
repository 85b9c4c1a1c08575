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
import type { ModelConfig } from "@/lib/ai/models";
import { languageModel } from "@/lib/ai/provider";

export interface FinishedAnswer {
  text: string;
  /** What the provider reported; nothing for an answer it cut off or the user stopped. */
  usage: { inputTokens?: number; outputTokens?: number };
  /** The user stopped the answer: `text` is what they were shown of it. */
  stopped?: boolean;
}

/** An answer being written: how to stop it, and when it is done with. */
export interface AnswerInProgress {
  /**
   * The user's Stop: aborts the provider request at once and stores the first `shown` characters of the answer (what
   * the client showed of it, never more than was generated), marked stopped. Resolves once it is stored: true, or
   * false when the answer had already finished (and was stored whole).
   */
  stop(shown: number): Promise<boolean>;
  /** Settles once the answer is done with: stored (or its storing failed), or ended with nothing to store. */
  settled: Promise<void>;
}

interface StreamAnswerOptions {
  model: ModelConfig;
  turns: ChatTurn[];
  headers: Record<string, string>;
  /** Sent with the answer's start, as the metadata of its message (the chat as the list shows it, say). */
  metadata?: Record<string, unknown>;
  /**
   * Called once with the whole answer, whether or not the client is still reading; for an answer the provider cut
   * off after it started, with the part that arrived; for one the user stopped, with the part they were shown.
   */
  onFinish(answer: FinishedAnswer): Promise<void>;
  /** Told of the answer as soon as it is asked for, before its response starts. */
  onStart?(answer: AnswerInProgress): void;
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
 * the end even if the client goes away (a closed laptop still finds it stored); only the user's Stop ends it early.
 */
export async function streamAnswer({
  model,
  turns,
  headers,
  metadata,
  onFinish,
  onStart,
}: StreamAnswerOptions): Promise<Response> {
  const abort = new AbortController();
  const storage = storeOnce(onFinish);
  const { result, ended } = generate(model, turns, abort, storage.store);
  const settled = ended.then(storage.stored);
  onStart?.({
    settled,
    stop: async (shown) => {
      abort.abort(new AnswerStopped(shown));
      await settled;
      return storage.storedAnswer()?.stopped === true;
    },
  });
  const reader = toUIMessageStream({
    stream: result.stream,
    messageMetadata: ({ part }) => (part.type === "start" ? metadata : undefined),
  }).getReader();
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

/** Why an answer was cut off: the user pressed Stop after being shown its first `shown` characters. */
class AnswerStopped extends Error {
  constructor(readonly shown: number) {
    super("The answer was stopped.");
    this.name = "AnswerStopped";
  }
}

/**
 * Asks the provider for the answer and drains it independently of the client's stream, so that a disconnect does not
 * stop it: the finished answer goes to `store`, and so does what arrived of one the provider broke off or that
 * stalled, which the idle watch (armed by the answer's first part, reset by every other) aborts, client or no client.
 * A Stop aborts it too, and stores what the user was shown.
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
    const reason: unknown = abort.signal.reason;
    if (reason instanceof ProviderStalled) console.error(`AI provider stalled (${model.id}).`);
    if (reason instanceof AnswerStopped) store({ text: shownPart(arrived, reason.shown), usage: {}, stopped: true });
    else if (arrived) store({ text: arrived, usage: {} });
  });
  return { result, ended };
}

/** The first `shown` characters of `text` (all of it at most), never ending in half of a character. */
function shownPart(text: string, shown: number): string {
  const part = text.slice(0, Math.min(shown, text.length));
  const last = part.charCodeAt(part.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? part.slice(0, -1) : part;
}

/**
 * The first answer handed over is stored; a failure to store is logged, since the client has its answer already.
 * `stored()` settles once that storing is over (at once if nothing was handed over); `storedAnswer()` is the answer.
 */
function storeOnce(onFinish: (answer: FinishedAnswer) => Promise<void>) {
  let first: FinishedAnswer | undefined;
  let storing: Promise<void> | undefined;
  return {
    store(answer: FinishedAnswer): void {
      if (storing) return;
      first = answer;
      storing = onFinish(answer).catch((error) => console.error("Storing the chat failed:", error));
    },
    stored: (): Promise<void> => storing ?? Promise.resolve(),
    storedAnswer: (): FinishedAnswer | undefined => first,
  };
}

/**
 * The client's stream: the chunks read so far, then the rest as it comes. An answer the provider broke off, or that
 * was cut off for stalling, ends with an error chunk the client understands rather than a cut connection; one the
 * user stopped ends with the stream's own abort chunk.
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
        else if (value.type === "abort" && !(signal.reason instanceof AnswerStopped)) {
          endWithError(controller, "The answer was cut off.");
        } else controller.enqueue(value);
      } catch {
        endWithError(controller, "The AI provider broke off the answer.");
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * Reads up to the provider's first content, within the timeout; a failure before it is a 502. An answer the user
 * stopped before it started is an empty one that ends with its abort chunk.
 */
async function firstContent(reader: ReadableStreamDefaultReader<UIMessageChunk>, abort: AbortController) {
  const timer = setTimeout(() => abort.abort(), env.AI_TIMEOUT_MS);
  const buffered: UIMessageChunk[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return buffered;
      if (value.type === "abort" && abort.signal.reason instanceof AnswerStopped) return [...buffered, value];
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
