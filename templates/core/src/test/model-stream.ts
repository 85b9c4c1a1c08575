/** Where a mock language model's stream parts go (the controller of the ReadableStream its doStream returns). */
interface StreamController {
  enqueue(part: unknown): void;
  close(): void;
}

/** Starts a mock model's answer: the stream's start, the text's start, and `text` as its first delta. */
export function startAnswer(controller: StreamController, text: string): void {
  controller.enqueue({ type: "stream-start", warnings: [] });
  controller.enqueue({ type: "text-start", id: "t" });
  if (text) controller.enqueue({ type: "text-delta", id: "t", delta: text });
}

/** Ends a mock model's answer as providers do: the text's end, then the finish with its token usage, then close. */
export function finishAnswer(controller: StreamController, outputTokens: number): void {
  controller.enqueue({ type: "text-end", id: "t" });
  controller.enqueue({
    type: "finish",
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 5, noCache: 5, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
    },
  });
  controller.close();
}
