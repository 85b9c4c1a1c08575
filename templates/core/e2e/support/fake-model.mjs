// A stand-in for the AI provider in the browser tests, so the app's real provider code runs with no key and no
// network: it answers as below, in the wire format of the provider's API (model-api.mjs: its path, its streaming
// frames, its error body). Started by playwright.config.ts on FAKE_MODEL_PORT, with /health to wait on.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { modelApi } from "./model-api.mjs";

/**
 * @typedef {object} Frames What one streamed answer is made of, as server-sent events.
 * @property {(usage: Usage) => string} [start] what comes before the answer's text
 * @property {(text: string) => string} piece one piece of its text
 * @property {(usage: Usage) => string} end what comes after, with the usage the provider reports
 *
 * @typedef {{ inputTokens: number, outputTokens: number }} Usage
 *
 * @typedef {object} ModelApi A provider's streaming API, as its AI SDK package calls it.
 * @property {string} root the path its base URL ends in; the SDK appends its own paths to it
 * @property {RegExp} path the URL of a streamed answer
 * @property {(body: any) => boolean} streams whether the request asks for a stream
 * @property {(body: any) => string} question the last question the request asks
 * @property {(body: any, match: RegExpExecArray) => Frames} frames the answer's frames, for this request
 * @property {(status: number, message: string) => unknown} error the provider's error body for a status
 */

/** The input tokens every answer reports. */
const INPUT_TOKENS = 12;

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

/**
 * GET /disconnects lists the answers whose client (the app) closed the connection before their end, oldest first:
 * `{ question, at, pieces }`, `at` in epoch ms and `pieces` the number sent by then.
 */
const disconnects = [];

const server = http.createServer(async (request, response) => {
  if (request.url === "/health") return response.end("ok");
  if (request.url === "/disconnects") return response.end(JSON.stringify(disconnects));
  const match = request.method === "POST" ? modelApi.path.exec(request.url ?? "") : null;
  const body = match ? await readJson(request) : null;
  if (!match || !modelApi.streams(body)) {
    response.writeHead(404, { "content-type": "application/json" });
    return response.end(JSON.stringify(modelApi.error(404, "Not found")));
  }
  const asked = modelApi.question(body);
  // One output token a piece, unless the answer says otherwise.
  const { pieces, delayMs, outputTokens = pieces.length } = answerTo(asked);
  const usage = { inputTokens: INPUT_TOKENS, outputTokens };
  const frames = modelApi.frames(body, match);
  let sent = 0;
  response.on("close", () => {
    if (!response.writableFinished) disconnects.push({ question: asked, at: Date.now(), pieces: sent });
  });
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  if (frames.start) response.write(frames.start(usage));
  for (const text of pieces) {
    if (response.destroyed) return;
    response.write(frames.piece(text));
    sent++;
    await sleep(delayMs);
  }
  response.end(frames.end(usage));
});
server.listen(Number(process.env.FAKE_MODEL_PORT ?? 3101), "127.0.0.1");
