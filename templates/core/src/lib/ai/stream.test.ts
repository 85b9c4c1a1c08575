import { MockLanguageModelV4 } from "ai/test";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { chatConfig } from "@/config/chat";
import type { FinishedAnswer } from "./stream";

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
        controller.enqueue({ type: "stream-start", warnings: [] });
        controller.enqueue({ type: "text-start", id: "t" });
        controller.enqueue({ type: "text-delta", id: "t", delta: "Hello, " });
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
          controller.enqueue({ type: "stream-start", warnings: [] });
          controller.enqueue({ type: "text-start", id: "t" });
          controller.enqueue({ type: "text-delta", id: "t", delta: "Hello!" });
          controller.enqueue({ type: "text-end", id: "t" });
          controller.enqueue({
            type: "finish",
            finishReason: { unified: "stop", raw: "stop" },
            usage: {
              inputTokens: { total: 5, noCache: 5, cacheRead: undefined, cacheWrite: undefined },
              outputTokens: { total: 2, text: 2, reasoning: undefined },
            },
          });
          controller.close();
        },
      }),
    };
  },
});

let provider = stallingModel;
vi.mock("./provider", () => ({ languageModel: () => provider }));

const { streamAnswer } = await import("./stream");

/** Asks for an answer to "Say hello"; `stored()` is what was handed over for storing. */
async function askHello() {
  let stored: FinishedAnswer | undefined;
  const response = await streamAnswer({
    model: { id: "test-model", contextTokens: 8_000, maxOutputTokens: 1_000 },
    turns: [{ role: "user", content: "Say hello" }],
    headers: {},
    onFinish: async (answer) => {
      stored = answer;
    },
  });
  return { response, stored: () => stored };
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

  it("sends the app's system prompt, whatever the conversation", () => {
    const prompt = stallingModel.doStreamCalls[0]?.prompt;
    expect(prompt?.[0]).toEqual({ role: "system", content: chatConfig.systemPrompt });
  });
});
