// A stand-in for OpenAI, or an OpenAI-compatible endpoint (Ollama, vLLM, LM Studio), in the browser tests: it streams
// answers the way the Chat Completions API does, with whatever model id it is asked for, so the app's real provider
// code runs with no key and no network. Started by playwright.config.ts on FAKE_MODEL_PORT.
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

const sse = (data) => `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;

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
  if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
    response.writeHead(404, { "content-type": "application/json" });
    return response.end(JSON.stringify({ error: { message: "Not found", type: "invalid_request_error" } }));
  }
  const body = await readJson(request);
  const chunk = (fields) =>
    sse({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model: body.model, ...fields });
  const { pieces, delayMs } = answerTo(lastUserText(body.messages));
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const content of pieces) {
    if (response.destroyed) return;
    response.write(chunk({ choices: [{ index: 0, delta: { role: "assistant", content }, finish_reason: null }] }));
    await sleep(delayMs);
  }
  response.write(chunk({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }));
  if (body.stream_options?.include_usage) {
    response.write(
      chunk({
        choices: [],
        usage: { prompt_tokens: 12, completion_tokens: pieces.length, total_tokens: 12 + pieces.length },
      }),
    );
  }
  response.end(sse("[DONE]"));
});

server.listen(port, "127.0.0.1");
