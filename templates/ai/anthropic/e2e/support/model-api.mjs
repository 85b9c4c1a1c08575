// A stand-in for Anthropic in the browser tests: it streams answers the way the Messages API does, so the app's real
// provider code runs with no key and no network. Started by playwright.config.ts on FAKE_MODEL_PORT.
import { lastUserText, serveFakeModel } from "./fake-model-server.mjs";

/** One server-sent event, named after its type as the Messages API names them. */
const event = (data) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;

serveFakeModel({
  path: /^\/v1\/messages$/,
  notFound: { type: "error", error: { type: "not_found_error", message: "Not found" } },
  question: (body) => lastUserText(body.messages),
  frames: (body) => ({
    // Input tokens come in message_start, output tokens in message_delta.
    start:
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
          usage: { input_tokens: 12, output_tokens: 1 },
        },
      }) + event({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }),
    piece: (text) => event({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }),
    end: (outputTokens) =>
      event({ type: "content_block_stop", index: 0 }) +
      event({
        type: "message_delta",
        delta: { stop_reason: "end_turn", stop_sequence: null },
        usage: { output_tokens: outputTokens },
      }) +
      event({ type: "message_stop" }),
  }),
});
