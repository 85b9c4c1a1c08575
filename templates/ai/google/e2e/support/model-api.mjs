// A stand-in for Gemini in the browser tests: it streams answers the way the Gemini API's streamGenerateContent does
// in SSE mode, so the app's real provider code runs with no key and no network. Started by playwright.config.ts on
// FAKE_MODEL_PORT.
import { serveFakeModel } from "./fake-model-server.mjs";

const sse = (data) => `data: ${JSON.stringify(data)}\n\n`;

/** Gemini calls the user's turns "user" and keeps their text in parts. */
function lastUserText(contents) {
  const last = [...(contents ?? [])].reverse().find((content) => content.role === "user");
  return (last?.parts ?? []).map((part) => part.text ?? "").join("");
}

serveFakeModel({
  // The model id is in the path, not the body.
  path: /^\/v1beta\/models\/([^/:]+):streamGenerateContent\?alt=sse$/,
  notFound: { error: { code: 404, message: "Not found", status: "NOT_FOUND" } },
  question: (body) => lastUserText(body.contents),
  frames: (_body, [, model]) => ({
    piece: (text) => {
      const candidate = { content: { parts: [{ text }], role: "model" }, index: 0 };
      return sse({ candidates: [candidate], modelVersion: model, responseId: "fake" });
    },
    // The SDK keeps the last usageMetadata it sees, so the final chunk carries the totals.
    end: (outputTokens) =>
      sse({
        candidates: [{ finishReason: "STOP", index: 0 }],
        usageMetadata: { promptTokenCount: 12, candidatesTokenCount: outputTokens, totalTokenCount: 12 + outputTokens },
        modelVersion: model,
        responseId: "fake",
      }),
  }),
});
