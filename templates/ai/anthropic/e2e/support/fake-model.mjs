// A stand-in for Anthropic in the browser tests: it streams answers the way the Messages API does, so the app's real
// provider code runs with no key and no network. Started by playwright.config.ts on FAKE_MODEL_PORT.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

const port = Number(process.env.FAKE_MODEL_PORT ?? 3101);

/** What it answers: a little Markdown with a code block; a question with "long" in it gets a slow, long answer. */
function answerTo(question) {
  if (/long/i.test(question))
    return { pieces: Array.from({ length: 60 }, (_, i) => `Part ${i + 1} of a long answer. `), delayMs: 200 };
  const text = `You asked: *${question}*\n\nHere is an example:\n\n\`\`\`js\nconsole.log("hello");\n\`\`\`\n\nThat is all.`;
  return { pieces: text.match(/[\s\S]{1,12}/g) ?? [], delayMs: 15 };
}

/** One server-sent event, named after its type as the Messages API names them. */
const event = (data) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;

async function readJson(request) {
  const parts = [];
  for await (const part of request) parts.push(part);
  return JSON.parse(Buffer.concat(parts).toString("utf8") || "null");
}

function lastUserText(messages) {
  const last = [...(messages ?? [])].reverse().find((message) => message.role === "user");
  if (!last) return "";
  return typeof last.content === "string" ? last.content : last.content.map((part) => part.text ?? "").join("");
}

const server = http.createServer(async (request, response) => {
  if (request.url === "/health") return response.end("ok");
  if (request.method !== "POST" || request.url !== "/v1/messages") {
    response.writeHead(404, { "content-type": "application/json" });
    return response.end(JSON.stringify({ type: "error", error: { type: "not_found_error", message: "Not found" } }));
  }
  const body = await readJson(request);
  const { pieces, delayMs } = answerTo(lastUserText(body.messages));
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  // Input tokens come in message_start, output tokens in message_delta.
  response.write(
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
    }),
  );
  response.write(event({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }));
  for (const text of pieces) {
    if (response.destroyed) return;
    response.write(event({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }));
    await sleep(delayMs);
  }
  response.write(event({ type: "content_block_stop", index: 0 }));
  response.write(
    event({
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: pieces.length },
    }),
  );
  response.end(event({ type: "message_stop" }));
});

server.listen(port, "127.0.0.1");
