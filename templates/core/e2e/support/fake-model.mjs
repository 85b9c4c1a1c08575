// What the browser tests' fake model does for every provider: what it answers, and serving it on FAKE_MODEL_PORT
// with /health for playwright.config.ts to wait on. Each provider's e2e/support/fake-model.mjs gives the rest: its
// API's path, its error body and its streaming frames.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

/** A table and a TypeScript block, the Markdown answers use most. */
const RICH_ANSWER =
  "| Plan | Price |\n|:-----|------:|\n| Free | $0 |\n| Pro | $20 |\n\n```ts\nconst answer: number = 42;\n```\n\nThat is all.";

/** 200 KB of Markdown, ending with a line the test looks for. */
const FAST_ANSWER =
  Array.from({ length: 3600 }, (_, i) => `Line ${i + 1} of a fast answer, with **bold** and \`code\`.\n\n`).join("") +
  "The end of the fast answer.";

/**
 * What it answers: a little Markdown with a code block. A question with "long" in it gets a slow, long answer;
 * "slow", "word1 word2 …", one word every 200 ms for half a minute (time to press Stop); "table", a table and
 * highlighted code; "fast", 200 KB in 64-character pieces 2 ms apart, as fast as real providers stream short tokens;
 * "expensive", a short answer the provider says cost 6,000 output tokens (a Free allowance in the browser tests).
 */
function answerTo(question) {
  if (/expensive/i.test(question)) return { pieces: ["An expensive answer."], delayMs: 15, outputTokens: 6000 };
  if (/long/i.test(question))
    return { pieces: Array.from({ length: 60 }, (_, i) => `Part ${i + 1} of a long answer. `), delayMs: 200 };
  if (/slow/i.test(question)) return { pieces: Array.from({ length: 150 }, (_, i) => `word${i + 1} `), delayMs: 200 };
  if (/table/i.test(question)) return { pieces: RICH_ANSWER.match(/[\s\S]{1,12}/g) ?? [], delayMs: 15 };
  if (/fast/i.test(question)) return { pieces: FAST_ANSWER.match(/[\s\S]{1,64}/g) ?? [], delayMs: 2 };
  const text = `You asked: *${question}*\n\nHere is an example:\n\n\`\`\`js\nconsole.log("hello");\n\`\`\`\n\nThat is all.`;
  return { pieces: text.match(/[\s\S]{1,12}/g) ?? [], delayMs: 15 };
}

async function readJson(request) {
  const parts = [];
  for await (const part of request) parts.push(part);
  return JSON.parse(Buffer.concat(parts).toString("utf8") || "null");
}

/** The last user turn's text, for APIs that send `messages` with a role and a string or parts (Messages, Chat). */
export function lastUserText(messages) {
  const last = [...(messages ?? [])].reverse().find((message) => message.role === "user");
  if (!last) return "";
  return typeof last.content === "string" ? last.content : last.content.map((part) => part.text ?? "").join("");
}

/**
 * Serves a provider's streaming API: a POST to a URL `path` matches is answered, as a server-sent event stream, with
 * `frames(body, match)`: its `start` (if any), a `piece(text)` for each piece of the answer at the answer's pace, and
 * `end(outputTokens)` (the usage it reports: one token a piece, unless the answer says otherwise). Anything else is a 404 with the provider's `notFound` body. `question(body)` reads the question.
 * GET /disconnects lists the answers whose client (the app) closed the connection before their end, oldest first:
 * `{ question, at, pieces }`, `at` in epoch ms and `pieces` the number sent by then.
 */
export function serveFakeModel({ path, notFound, question, frames }) {
  const disconnects = [];
  const server = http.createServer(async (request, response) => {
    if (request.url === "/health") return response.end("ok");
    if (request.url === "/disconnects") return response.end(JSON.stringify(disconnects));
    const match = request.method === "POST" ? path.exec(request.url ?? "") : null;
    if (!match) {
      response.writeHead(404, { "content-type": "application/json" });
      return response.end(JSON.stringify(notFound));
    }
    const body = await readJson(request);
    const asked = question(body);
    const { pieces, delayMs, outputTokens = pieces.length } = answerTo(asked);
    const frame = frames(body, match);
    let sent = 0;
    response.on("close", () => {
      if (!response.writableFinished) disconnects.push({ question: asked, at: Date.now(), pieces: sent });
    });
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    if (frame.start) response.write(frame.start);
    for (const text of pieces) {
      if (response.destroyed) return;
      response.write(frame.piece(text));
      sent++;
      await sleep(delayMs);
    }
    response.end(frame.end(outputTokens));
  });
  server.listen(Number(process.env.FAKE_MODEL_PORT ?? 3101), "127.0.0.1");
}
