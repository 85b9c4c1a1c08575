// Anthropic's Messages API as the AI SDK streams it: what the browser tests' fake model (fake-model.mjs) speaks.

/** One server-sent event, named after its type as the Messages API names them. */
const event = (data) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;

/** The `type` of Anthropic's error body for each status. */
const ERROR_TYPES = {
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

/** @type {import("./fake-model.mjs").ModelApi} */
export const modelApi = {
  root: "/v1",
  path: /^\/v1\/messages$/,
  streams: (body) => body?.stream === true,
  question(body) {
    const last = [...(body.messages ?? [])].reverse().find((message) => message.role === "user");
    if (!last) return "";
    return typeof last.content === "string" ? last.content : last.content.map((part) => part.text ?? "").join("");
  },
  // Input tokens come in message_start, output tokens in message_delta.
  frames: (body) => ({
    start: ({ inputTokens }) =>
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
      }) + event({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }),
    piece: (text) => event({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }),
    end: ({ outputTokens }) =>
      event({ type: "content_block_stop", index: 0 }) +
      event({
        type: "message_delta",
        delta: { stop_reason: "end_turn", stop_sequence: null },
        usage: { output_tokens: outputTokens },
      }) +
      event({ type: "message_stop" }),
  }),
  error: (status, message) => ({
    type: "error",
    error: { type: ERROR_TYPES[status] ?? (status >= 500 ? "api_error" : "invalid_request_error"), message },
    request_id: "req_fake",
  }),
};
