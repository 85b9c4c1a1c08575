// OpenAI's Chat Completions API, which OpenAI-compatible servers (Ollama, vLLM, LM Studio) copy, as the AI SDK
// streams it: what the browser tests' fake model (fake-model.mjs) speaks, with whatever model id it is asked for.

const sse = (data) => `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;

/** @type {import("./fake-model.mjs").ModelApi} */
export const modelApi = {
  root: "/v1",
  path: /^\/v1\/chat\/completions$/,
  streams: (body) => body?.stream === true,
  question(body) {
    const last = [...(body.messages ?? [])].reverse().find((message) => message.role === "user");
    if (!last) return "";
    return typeof last.content === "string" ? last.content : last.content.map((part) => part.text ?? "").join("");
  },
  frames(body) {
    const chunk = (fields) =>
      sse({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model: body.model, ...fields });
    return {
      piece: (content) =>
        chunk({ choices: [{ index: 0, delta: { role: "assistant", content }, finish_reason: null }] }),
      // The real APIs report usage only when asked to; an app that does not ask must not get it here either.
      end: ({ inputTokens, outputTokens }) =>
        chunk({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }) +
        (body.stream_options?.include_usage
          ? chunk({
              choices: [],
              usage: {
                prompt_tokens: inputTokens,
                completion_tokens: outputTokens,
                total_tokens: inputTokens + outputTokens,
              },
            })
          : "") +
        sse("[DONE]"),
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
