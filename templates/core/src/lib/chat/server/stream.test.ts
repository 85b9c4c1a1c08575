import { MockLanguageModelV4 } from "ai/test";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { chatConfig } from "@/config/chat";
import type { AnswerInProgress, FinishedAnswer } from "./stream";
import { finishAnswer, startAnswer } from "@/test/model-stream";

const IDLE_TIMEOUT_MS = 200;

vi.mock("@/lib/env", async (importOriginal) => {
  const { env } = await importOriginal<typeof import("@/lib/env")>();
  return { env: { ...env, AI_IDLE_TIMEOUT_MS: IDLE_TIMEOUT_MS } };
});

/** A provider that starts to answer, sends "Hello, ", then goes silent until the request is aborted. */
const stallingModel = new MockLanguageModelV4({
  doStream: async ({ abortSignal }) => ({
    stream: new ReadableStream({
      start(controller) {
        startAnswer(controller, "Hello, ");
        abortSignal?.addEventListener("abort", () => controller.error(abortSignal.reason));
      },
    }),
  }),
});

/** A provider that takes longer than the idle timeout to start, then answers "Hello!" in full. */
const slowToStartModel = new MockLanguageModelV4({
  doStream: async () => {
    await sleep(IDLE_TIMEOUT_MS * 2);
    return {
      stream: new ReadableStream({
        start(controller) {
          startAnswer(controller, "Hello!");
          finishAnswer(controller, 2);
        },
      }),
    };
  },
});

/**
 * A provider that says "word1 word2 …", a word every 20 ms, `words` of them, or until its request is aborted if there
 * are more; `aborted()` tells whether (and when) the request's signal was aborted.
 */
function talkingModel(words = Infinity) {
  let abortedAt: number | undefined;
  const model = new MockLanguageModelV4({
    doStream: async ({ abortSignal }) => {
      abortSignal?.addEventListener("abort", () => (abortedAt = Date.now()));
      return {
        stream: new ReadableStream({
          async start(controller) {
            startAnswer(controller, "");
            for (let word = 1; word <= words; word++) {
              if (abortSignal?.aborted) return controller.error(abortSignal.reason);
              controller.enqueue({ type: "text-delta", id: "t", delta: `word${word} ` });
              await sleep(20);
            }
            finishAnswer(controller, words);
          },
        }),
      };
    },
  });
  return { model, abortedAt: () => abortedAt };
}

let provider = stallingModel;
vi.mock("@/lib/ai/provider", () => ({ languageModel: () => provider }));

const { streamAnswer } = await import("./stream");

/**
 * Asks for an answer to "Say hello": `responding` is the response to come, `stored()` what was handed over for storing,
 * `inProgress` the answer as the route is told of it (at once).
 */
function startHello() {
  let stored: FinishedAnswer | undefined;
  let inProgress: AnswerInProgress | undefined;
  const responding = streamAnswer({
    model: { id: "test-model", contextTokens: 8_000, maxOutputTokens: 1_000 },
    turns: [{ role: "user", content: "Say hello" }],
    headers: {},
    onFinish: async (answer) => {
      stored = answer;
    },
    onStart: (answer) => {
      inProgress = answer;
    },
  });
  return { responding, stored: () => stored, inProgress: inProgress! };
}

/** Asks for an answer to "Say hello" and waits for its response. */
async function askHello() {
  const asked = startHello();
  return { ...asked, response: await asked.responding };
}

/** Reads a UI message stream until its text holds `words` words; returns that text. */
async function readWords(reader: ReadableStreamDefaultReader<Uint8Array>, words: number): Promise<string> {
  let body = "";
  let text = "";
  while (text.split(" ").length <= words) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`The stream ended after "${text}"`);
    body += new TextDecoder().decode(value);
    text = [...body.matchAll(/"type":"text-delta","id":"[^"]*","delta":"([^"]*)"/g)].map((match) => match[1]).join("");
  }
  return text;
}

describe("streamAnswer", () => {
  it("cuts off a provider that stalls mid-answer: an error chunk ends the stream and what arrived is stored", async () => {
    provider = stallingModel;
    const started = Date.now();
    const { response, stored } = await askHello();

    const body = await response.text();
    expect(Date.now() - started).toBeLessThan(IDLE_TIMEOUT_MS + 2_000);
    expect(body).toContain('"type":"text-delta"');
    expect(body).toContain('"type":"error"');
    expect(body).toContain(`sent nothing for ${IDLE_TIMEOUT_MS} ms`);
    await vi.waitFor(() => expect(stored()).toEqual({ text: "Hello, ", usage: {} }));
  });

  it("stores a finished answer with its token usage, however long the provider took to start", async () => {
    provider = slowToStartModel;
    const { response, stored } = await askHello();

    const body = await response.text();
    expect(body).toContain('"type":"finish"');
    expect(body).not.toContain('"type":"error"');
    await vi.waitFor(() => expect(stored()).toEqual({ text: "Hello!", usage: { inputTokens: 5, outputTokens: 2 } }));
  });

  it("stops at the user's Stop: the provider request is aborted at once and what they were shown is stored, marked stopped", async () => {
    const talking = talkingModel();
    provider = talking.model;
    const { response, stored, inProgress } = await askHello();
    const reader = response.body!.getReader();
    const shown = (await readWords(reader, 3)).slice(0, "word1 word2 wo".length);

    const stoppedAt = Date.now();
    expect(await inProgress.stop(shown.length)).toBe(true);
    expect(talking.abortedAt()! - stoppedAt).toBeLessThan(1_000);
    expect(stored()).toEqual({ text: "word1 word2 wo", usage: {}, stopped: true });
    let rest = "";
    for (let read = await reader.read(); !read.done; read = await reader.read())
      rest += new TextDecoder().decode(read.value);
    expect(rest).toContain('"type":"abort"');
    expect(rest).not.toContain('"type":"error"');
  });

  it("stores no more than was generated, whatever the client says it showed", async () => {
    provider = stallingModel;
    const { stored, inProgress } = await askHello();

    expect(await inProgress.stop(1_000_000)).toBe(true);
    expect(stored()).toEqual({ text: "Hello, ", usage: {}, stopped: true });
  });

  it("answers a Stop before the answer started with an empty stream, and stores the answer empty, marked stopped", async () => {
    provider = slowToStartModel;
    const { responding, stored, inProgress } = startHello();

    expect(await inProgress.stop(0)).toBe(true);
    const response = await responding;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"type":"abort"');
    expect(stored()).toEqual({ text: "", usage: {}, stopped: true });
  });

  it("goes on to the end when the client goes away without a Stop, and stores the whole answer", async () => {
    const talking = talkingModel(10);
    provider = talking.model;
    const { response, stored } = await askHello();
    const reader = response.body!.getReader();
    await readWords(reader, 1);
    await reader.cancel();

    await vi.waitFor(() => expect(stored()).toBeDefined(), { timeout: 2_000 });
    expect(stored()).toEqual({
      text: Array.from({ length: 10 }, (_, index) => `word${index + 1} `).join(""),
      usage: { inputTokens: 5, outputTokens: 10 },
    });
    expect(talking.abortedAt()).toBeUndefined();
  });

  it("sends the app's system prompt, whatever the conversation", () => {
    const prompt = stallingModel.doStreamCalls[0]?.prompt;
    expect(prompt?.[0]).toEqual({ role: "system", content: chatConfig.systemPrompt });
  });
});
