import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { findProvider, type ProviderId } from "../../../src/providers/index.js";
import { TEMPLATES_DIR } from "../../../src/templates.js";

/*
 * Local stand-ins for the AI providers, speaking the streaming wire protocol their official AI SDK packages parse
 * (@ai-sdk/openai's chat model, @ai-sdk/anthropic, @ai-sdk/google, @ai-sdk/openai-compatible), so the generated app
 * runs its real provider code against them through its base-URL env var. Each protocol is the one the provider's own
 * template folder ships for the app's browser tests (e2e/support/model-api.mjs): one definition serves both.
 */

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

/** What one streamed answer is made of, as server-sent events (see the app's e2e/support/fake-model.mjs). */
interface Frames {
  start?(usage: Usage): string;
  piece(text: string): string;
  end(usage: Usage): string;
}

interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** A provider's streaming API, as its template folder's e2e/support/model-api.mjs defines it. */
interface ModelApi {
  /** The path the SDK's base URL ends in; the SDK appends its own paths to it. */
  root: string;
  path: RegExp;
  streams(body: unknown): boolean;
  frames(body: any, match: RegExpExecArray): Frames;
  error(status: number, message: string): unknown;
}

/** The model API a provider's templates ship: a provider without one fails here, and in a unit test. */
export function modelApiFile(kind: ProviderKind): string {
  const { templates = [] } = findProvider("ai", kind);
  const files = [templates]
    .flat()
    .map((folder) => path.join(TEMPLATES_DIR, folder, "e2e/support/model-api.mjs"))
    .filter((file) => existsSync(file));
  if (files.length !== 1) throw new Error(`The ai provider ${kind} ships ${files.length} model APIs; it needs one.`);
  return files[0]!;
}

async function modelApiOf(kind: ProviderKind): Promise<ModelApi> {
  return ((await import(pathToFileURL(modelApiFile(kind)).href)) as { modelApi: ModelApi }).modelApi;
}

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
  frames: Frames,
  usage: Usage,
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
  if (frames.start) res.write(frames.start(usage));
  for (const [i, piece] of pieces.entries()) {
    if (i > 0) await sleep(delayMs);
    // The client aborted or close() ended the connection.
    if (res.destroyed) return;
    if (i === stop.after && stop.how === "drop") {
      dropped = true;
      return void res.destroy();
    }
    if (i === stop.after) return new Promise<void>((resolve) => res.once("close", resolve));
    res.write(frames.piece(piece));
    sent++;
  }
  res.end(frames.end(usage));
}

export async function startFakeProvider(kind: ProviderKind): Promise<FakeProvider> {
  const api = await modelApiOf(kind);
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const request = await readRequest(req);
    fake.requests.push(request);
    const onDisconnect = (piecesSent: number) => fake.disconnects.push({ at: Date.now(), path: request.path, piecesSent });
    const reject = (status: number, message: string) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(api.error(status, message)));

    const match = request.method === "POST" ? api.path.exec(request.path) : null;
    if (!match || !api.streams(request.body)) {
      return reject(404, `The fake ${kind} provider does not serve ${request.method} ${request.path}.`);
    }
    const behaviour = fake.behaviour;
    const frames = api.frames(request.body, match);
    const usageOf = ({ inputTokens, outputTokens }: Answer) => ({ inputTokens, outputTokens });
    if (behaviour.kind === "hang") return;
    if (behaviour.kind === "fail") {
      return reject(behaviour.status, `The fake ${kind} provider failed with ${behaviour.status} on purpose.`);
    }
    if (behaviour.kind === "drop" || behaviour.kind === "stall") {
      const answer = { ...DEFAULT_ANSWER, text: behaviour.text, chunks: behaviour.chunks };
      const pieces = split(answer.text, answer.chunks);
      const stop = { after: behaviour.afterChunks, how: behaviour.kind };
      return stream(res, frames, usageOf(answer), pieces, answer.chunkDelayMs, onDisconnect, stop);
    }
    if (behaviour.kind === "fast") {
      const pieces = fastText(behaviour.bytes).match(/[\s\S]{1,64}/g) ?? [];
      return stream(res, frames, usageOf(DEFAULT_ANSWER), pieces, 2, onDisconnect);
    }
    if (behaviour.kind === "slow") {
      const pieces = Array.from({ length: behaviour.words }, (_, i) => `word${i + 1} `);
      return stream(res, frames, usageOf(DEFAULT_ANSWER), pieces, 200, onDisconnect);
    }
    const answer = { ...DEFAULT_ANSWER, ...behaviour };
    const pieces = split(answer.text, answer.chunks);
    await stream(res, frames, usageOf(answer), pieces, answer.chunkDelayMs, onDisconnect);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeProvider = {
    kind,
    baseUrl: `http://127.0.0.1:${port}${api.root}`,
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
