import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { ProviderId } from "../../../src/providers/index.js";

/*
 * Local stand-ins for the AI providers, speaking the streaming wire protocol their official AI SDK packages parse
 * (@ai-sdk/openai's chat model, @ai-sdk/anthropic, @ai-sdk/google, @ai-sdk/openai-compatible), so the generated app
 * runs its real provider code against them through its base-URL env var.
 */

/** Every AI provider the CLI offers has a fake here: PROTOCOLS below is typed by the registry's ids. */
export type ProviderKind = ProviderId<"ai">;

export type Behaviour =
  | { kind: "answer"; text: string; chunks?: number; chunkDelayMs?: number; inputTokens?: number; outputTokens?: number }
  | { kind: "fail"; status: number } // answers that HTTP status with the provider's JSON error body
  | { kind: "drop"; text: string; chunks: number; afterChunks: number } // starts the answer, then cuts the connection
  | { kind: "stall"; text: string; chunks: number; afterChunks: number } // starts the answer, then goes silent
  | { kind: "hang" } // accepts the request and never answers (until closed)
  | { kind: "fast"; bytes: number } // `bytes` of text in 64-byte pieces 2 ms apart, as fast as real providers stream
  | { kind: "slow"; words: number }; // "word1 word2 …", one word every 200 ms: time to press Stop

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  // The parsed JSON body (the raw text if it is not JSON); tests assert on its shape.
  body: any;
}

export interface FakeProvider {
  kind: ProviderKind;
  /** The value for the app's base-URL env var: e.g. http://127.0.0.1:PORT/v1, or /v1beta for google. */
  baseUrl: string;
  /** What the next requests get; change it between tests. */
  behaviour: Behaviour;
  requests: RecordedRequest[];
  /** The answers whose client (the app) closed the connection before their end, oldest first. */
  disconnects: Disconnect[];
  /** Also ends hanging responses and open sockets; never hangs itself. */
  close(): Promise<void>;
}

export interface Disconnect {
  /** When, epoch ms. */
  at: number;
  path: string;
  /** How many of the answer's pieces had been sent. */
  piecesSent: number;
}

type Answer = Required<Extract<Behaviour, { kind: "answer" }>>;

const DEFAULT_ANSWER: Answer = {
  kind: "answer",
  text: "Hello from the fake provider.",
  chunks: 5,
  chunkDelayMs: 5,
  inputTokens: 12,
  outputTokens: 7,
};

/** The SSE events of one streamed answer; the pause between text pieces is what makes it a stream. */
interface AnswerStream {
  head: string[];
  piece(text: string): string[];
  tail: string[];
}

interface Protocol {
  /** The path the SDK's base URL ends in; the SDK appends its own paths to it. */
  root: string;
  /** Whether this is the streamed completion the SDK asks for. Anything else gets the 404 the real API would give. */
  serves(request: RecordedRequest): boolean;
  answer(request: RecordedRequest, answer: Answer): AnswerStream;
  error(status: number, message: string): unknown;
}

const sse = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;

/** OpenAI's Chat Completions, which OpenAI-compatible servers (Ollama, vLLM, LM Studio...) copy. */
const chatCompletions: Protocol = {
  root: "/v1",
  serves: ({ method, path, body }) => method === "POST" && path === "/v1/chat/completions" && body?.stream === true,
  answer({ body }, { inputTokens, outputTokens }) {
    const chunk = (fields: object) =>
      sse({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model: body.model, ...fields });
    return {
      head: [],
      piece: (content) => [
        chunk({ choices: [{ index: 0, delta: { role: "assistant", content }, finish_reason: null }] }),
      ],
      tail: [
        chunk({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }),
        // The real APIs report usage only when asked to; an app that does not ask must not get it here either.
        ...(body.stream_options?.include_usage
          ? [
              chunk({
                choices: [],
                usage: {
                  prompt_tokens: inputTokens,
                  completion_tokens: outputTokens,
                  total_tokens: inputTokens + outputTokens,
                },
              }),
            ]
          : []),
        sse("[DONE]"),
      ],
    };
  },
  error(status, message) {
    const [type, code] =
      status === 401
        ? ["invalid_request_error", "invalid_api_key"]
        : status === 429
          ? ["requests", "rate_limit_exceeded"]
          : status >= 500
            ? ["server_error", null]
            : ["invalid_request_error", null];
    return { error: { message, type, param: null, code } };
  },
};

const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error",
};

/** Anthropic's Messages API: input tokens come in message_start, output tokens in message_delta. */
const anthropicMessages: Protocol = {
  root: "/v1",
  serves: ({ method, path, body }) => method === "POST" && path === "/v1/messages" && body?.stream === true,
  answer({ body }, { inputTokens, outputTokens }) {
    const event = (data: { type: string; [field: string]: unknown }) => sse(data, data.type);
    return {
      head: [
        event({
          type: "message_start",
          message: {
            id: "msg_fake",
            type: "message",
            role: "assistant",
            model: body.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: inputTokens, output_tokens: 1 },
          },
        }),
        event({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }),
      ],
      piece: (text) => [event({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } })],
      tail: [
        event({ type: "content_block_stop", index: 0 }),
        event({
          type: "message_delta",
          delta: { stop_reason: "end_turn", stop_sequence: null },
          usage: { output_tokens: outputTokens },
        }),
        event({ type: "message_stop" }),
      ],
    };
  },
  error: (status, message) => ({
    type: "error",
    error: { type: ANTHROPIC_ERROR_TYPES[status] ?? (status >= 500 ? "api_error" : "invalid_request_error"), message },
    request_id: "req_fake",
  }),
};

const GOOGLE_ERROR_STATUSES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

/** The Gemini API's streamGenerateContent in SSE mode; the model id is in the path, not the body. */
const geminiStream: Protocol = {
  root: "/v1beta",
  serves: ({ method, path }) =>
    method === "POST" && /^\/v1beta\/models\/[^/]+:streamGenerateContent\?alt=sse$/.test(path),
  answer: (_request, { inputTokens, outputTokens }) => ({
    head: [],
    piece: (text) => [
      sse({ candidates: [{ content: { parts: [{ text }], role: "model" }, index: 0 }], responseId: "fake" }),
    ],
    // The SDK keeps the last usageMetadata it sees, so the final chunk carries the totals.
    tail: [
      sse({
        candidates: [{ finishReason: "STOP", index: 0 }],
        usageMetadata: {
          promptTokenCount: inputTokens,
          candidatesTokenCount: outputTokens,
          totalTokenCount: inputTokens + outputTokens,
        },
        responseId: "fake",
      }),
    ],
  }),
  error: (status, message) => ({
    error: { code: status, message, status: GOOGLE_ERROR_STATUSES[status] ?? (status >= 500 ? "INTERNAL" : "UNKNOWN") },
  }),
};

const PROTOCOLS: Record<ProviderKind, Protocol> = {
  openai: chatCompletions,
  "openai-compatible": chatCompletions,
  anthropic: anthropicMessages,
  google: geminiStream,
};

/** Splits text into at most `count` pieces of about equal length, never inside a surrogate pair. */
function split(text: string, count: number): string[] {
  const chars = Array.from(text);
  const n = Math.min(count, chars.length);
  return Array.from({ length: n }, (_, i) =>
    chars.slice(Math.floor((i * chars.length) / n), Math.floor(((i + 1) * chars.length) / n)).join(""),
  );
}

async function readRequest(req: http.IncomingMessage): Promise<RecordedRequest> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString("utf8");
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the raw text stays recorded, so a test can see what the app sent instead.
  }
  return { method: req.method ?? "", path: req.url ?? "", headers: { ...req.headers }, body };
}

/** The text of a `fast` answer: `bytes` of ASCII words. */
function fastText(bytes: number): string {
  return "The quick brown fox jumps over the lazy dog. ".repeat(Math.ceil(bytes / 45)).slice(0, bytes);
}

/**
 * Streams the pieces; after `stop.after` of them, cuts the connection (`drop`) or sends nothing more until the client
 * gives up (`stall`), instead of finishing. `onDisconnect` hears of a client that closed the connection first.
 */
async function stream(
  res: http.ServerResponse,
  events: AnswerStream,
  pieces: string[],
  delayMs: number,
  onDisconnect: (piecesSent: number) => void,
  stop: { after: number; how: "drop" | "stall" } = { after: Infinity, how: "drop" },
) {
  let sent = 0;
  let dropped = false;
  res.once("close", () => {
    if (!res.writableFinished && !dropped) onDisconnect(sent);
  });
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const event of events.head) res.write(event);
  for (const [i, piece] of pieces.entries()) {
    if (i > 0) await sleep(delayMs);
    // The client aborted or close() ended the connection.
    if (res.destroyed) return;
    if (i === stop.after && stop.how === "drop") {
      dropped = true;
      return void res.destroy();
    }
    if (i === stop.after) return new Promise<void>((resolve) => res.once("close", resolve));
    for (const event of events.piece(piece)) res.write(event);
    sent++;
  }
  for (const event of events.tail) res.write(event);
  res.end();
}

export async function startFakeProvider(kind: ProviderKind): Promise<FakeProvider> {
  const protocol = PROTOCOLS[kind];
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const request = await readRequest(req);
    fake.requests.push(request);
    const onDisconnect = (piecesSent: number) => fake.disconnects.push({ at: Date.now(), path: request.path, piecesSent });
    const reject = (status: number, message: string) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(protocol.error(status, message)));

    if (!protocol.serves(request)) {
      return reject(404, `The fake ${kind} provider does not serve ${request.method} ${request.path}.`);
    }
    const behaviour = fake.behaviour;
    if (behaviour.kind === "hang") return;
    if (behaviour.kind === "fail") {
      return reject(behaviour.status, `The fake ${kind} provider failed with ${behaviour.status} on purpose.`);
    }
    if (behaviour.kind === "drop" || behaviour.kind === "stall") {
      const answer = { ...DEFAULT_ANSWER, text: behaviour.text, chunks: behaviour.chunks };
      const pieces = split(answer.text, answer.chunks);
      const stop = { after: behaviour.afterChunks, how: behaviour.kind };
      return stream(res, protocol.answer(request, answer), pieces, answer.chunkDelayMs, onDisconnect, stop);
    }
    if (behaviour.kind === "fast") {
      const pieces = fastText(behaviour.bytes).match(/[\s\S]{1,64}/g) ?? [];
      return stream(res, protocol.answer(request, DEFAULT_ANSWER), pieces, 2, onDisconnect);
    }
    if (behaviour.kind === "slow") {
      const pieces = Array.from({ length: behaviour.words }, (_, i) => `word${i + 1} `);
      return stream(res, protocol.answer(request, DEFAULT_ANSWER), pieces, 200, onDisconnect);
    }
    const answer = { ...DEFAULT_ANSWER, ...behaviour };
    const pieces = split(answer.text, answer.chunks);
    await stream(res, protocol.answer(request, answer), pieces, answer.chunkDelayMs, onDisconnect);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeProvider = {
    kind,
    baseUrl: `http://127.0.0.1:${port}${protocol.root}`,
    behaviour: { ...DEFAULT_ANSWER },
    requests: [],
    disconnects: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // server.close() alone waits for every connection to end, and a hanging request's never does.
        server.closeAllConnections();
      }),
  };
  return fake;
}
