// The Gemini API's streamGenerateContent in SSE mode, as the AI SDK streams it: what the browser tests' fake model
// (fake-model.mjs) speaks.

const sse = (data) => `data: ${JSON.stringify(data)}\n\n`;

/** The `status` of Google's error body for each HTTP status. */
const ERROR_STATUSES = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

/** @type {import("./fake-model.mjs").ModelApi} */
export const modelApi = {
  root: "/v1beta",
  // The model id is in the path, not the body.
  path: /^\/v1beta\/models\/([^/:]+):streamGenerateContent\?alt=sse$/,
  streams: () => true,
  // Gemini calls the user's turns "user" and keeps their text in parts.
  question(body) {
    const last = [...(body.contents ?? [])].reverse().find((content) => content.role === "user");
    return (last?.parts ?? []).map((part) => part.text ?? "").join("");
  },
  frames: (_body, [, model]) => ({
    piece: (text) => {
      const candidate = { content: { parts: [{ text }], role: "model" }, index: 0 };
      return sse({ candidates: [candidate], modelVersion: model, responseId: "fake" });
    },
    // The SDK keeps the last usageMetadata it sees, so the final chunk carries the totals.
    end: ({ inputTokens, outputTokens }) =>
      sse({
        candidates: [{ finishReason: "STOP", index: 0 }],
        usageMetadata: {
          promptTokenCount: inputTokens,
          candidatesTokenCount: outputTokens,
          totalTokenCount: inputTokens + outputTokens,
        },
        modelVersion: model,
        responseId: "fake",
      }),
  }),
  error: (status, message) => ({
    error: { code: status, message, status: ERROR_STATUSES[status] ?? (status >= 500 ? "INTERNAL" : "UNKNOWN") },
  }),
};
