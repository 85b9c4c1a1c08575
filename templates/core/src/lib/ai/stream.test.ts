import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it, vi } from "vitest";
import { chatConfig } from "@/config/chat";
import type { FinishedAnswer } from "./stream";

const IDLE_TIMEOUT_MS = 200;

vi.mock("@/lib/env", async (importOriginal) => {
  const { env } = await importOriginal<typeof import("@/lib/env")>();
  return { env: { ...env, AI_IDLE_TIMEOUT_MS: IDLE_TIMEOUT_MS } };
});

/** A provider that starts to answer, sends "Hello, ", then goes silent until the request is aborted. */
const stallingModel = new MockLanguageModelV3({
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

vi.mock("./provider", () => ({ languageModel: () => stallingModel }));

const { streamAnswer } = await import("./stream");

describe("streamAnswer", () => {
  it("cuts off a provider that stalls mid-answer: an error chunk ends the stream and what arrived is stored", async () => {
    let stored: FinishedAnswer | undefined;
    const model = { id: "test-model", contextTokens: 8_000, maxOutputTokens: 1_000 };
    const started = Date.now();
    const response = await streamAnswer({
      model,
      turns: [{ role: "user", content: "Say hello" }],
      headers: {},
      onFinish: async (answer) => {
        stored = answer;
      },
    });

    const body = await response.text();
    expect(Date.now() - started).toBeLessThan(IDLE_TIMEOUT_MS + 2_000);
    expect(body).toContain('"type":"text-delta"');
    expect(body).toContain('"type":"error"');
    expect(body).toContain(`sent nothing for ${IDLE_TIMEOUT_MS} ms`);
    await vi.waitFor(() => expect(stored).toEqual({ text: "Hello, ", usage: {} }));
  });

  it("sends the app's system prompt, whatever the conversation", () => {
    const prompt = stallingModel.doStreamCalls[0]?.prompt;
    expect(prompt?.[0]).toEqual({ role: "system", content: chatConfig.systemPrompt });
  });
});
