// A stand-in for OpenAI, or an OpenAI-compatible endpoint (Ollama, vLLM, LM Studio), in the browser tests: it streams
// answers the way the Chat Completions API does, with whatever model id it is asked for, so the app's real provider
// code runs with no key and no network. Started by playwright.config.ts on FAKE_MODEL_PORT.
import { lastUserText, serveFakeModel } from "./fake-model-server.mjs";

const sse = (data) => `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;

serveFakeModel({
  path: /^\/v1\/chat\/completions$/,
  notFound: { error: { message: "Not found", type: "invalid_request_error" } },
  question: (body) => lastUserText(body.messages),
  frames: (body) => {
    const chunk = (fields) =>
      sse({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model: body.model, ...fields });
    return {
      piece: (content) =>
        chunk({ choices: [{ index: 0, delta: { role: "assistant", content }, finish_reason: null }] }),
      end: (outputTokens) =>
        chunk({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }) +
        (body.stream_options?.include_usage
          ? chunk({
              choices: [],
              usage: { prompt_tokens: 12, completion_tokens: outputTokens, total_tokens: 12 + outputTokens },
            })
          : "") +
        sse("[DONE]"),
    };
  },
});
