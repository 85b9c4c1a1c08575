// A stand-in for Gemini in the browser tests: it streams answers the way the Gemini API's streamGenerateContent does
// in SSE mode, so the app's real provider code runs with no key and no network. Started by playwright.config.ts on
// FAKE_MODEL_PORT.
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

const sse = (data) => `data: ${JSON.stringify(data)}\n\n`;

async function readJson(request) {
  const parts = [];
  for await (const part of request) parts.push(part);
  return JSON.parse(Buffer.concat(parts).toString("utf8") || "null");
}

/** Gemini calls the user's turns "user" and keeps their text in parts. */
function lastUserText(contents) {
  const last = [...(contents ?? [])].reverse().find((content) => content.role === "user");
  return (last?.parts ?? []).map((part) => part.text ?? "").join("");
}

const server = http.createServer(async (request, response) => {
  if (request.url === "/health") return response.end("ok");
  // The model id is in the path, not the body.
  const model = /^\/v1beta\/models\/([^/:]+):streamGenerateContent\?alt=sse$/.exec(request.url ?? "")?.[1];
  if (request.method !== "POST" || !model) {
    response.writeHead(404, { "content-type": "application/json" });
    return response.end(JSON.stringify({ error: { code: 404, message: "Not found", status: "NOT_FOUND" } }));
  }
  const body = await readJson(request);
  const { pieces, delayMs } = answerTo(lastUserText(body.contents));
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const text of pieces) {
    if (response.destroyed) return;
    const candidate = { content: { parts: [{ text }], role: "model" }, index: 0 };
    response.write(sse({ candidates: [candidate], modelVersion: model, responseId: "fake" }));
    await sleep(delayMs);
  }
  // The SDK keeps the last usageMetadata it sees, so the final chunk carries the totals.
  response.end(
    sse({
      candidates: [{ finishReason: "STOP", index: 0 }],
      usageMetadata: { promptTokenCount: 12, candidatesTokenCount: pieces.length, totalTokenCount: 12 + pieces.length },
      modelVersion: model,
      responseId: "fake",
    }),
  );
});

server.listen(port, "127.0.0.1");
