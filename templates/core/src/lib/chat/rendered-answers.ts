import type { UIMessage } from "ai";
import { MARKDOWN_BUDGET, type MdNode, parseBlock, type RenderedAnswer, splitAnswer } from "./markdown";
import { type AnswerMetadata, textOf } from "./types";

/**
 * How much Markdown one page view parses on the server, newest answers first; older answers past it are parsed in
 * the reader's browser when shown. With MARKDOWN_BUDGET per answer, it bounds a page's server time whatever its chat
 * holds.
 */
const PAGE_BUDGET = 128_000;

/**
 * How much of one answer a page carries. A longer one is collapsed to this much, and the reader asks for the rest
 * (GET /api/chats/<id>/messages): a 1 MB answer would otherwise be in the page twice (its HTML and the data React
 * hydrates from), for every view.
 */
export const PAGE_ANSWER_LIMIT = 64_000;

/**
 * A stored chat's messages for its page: each assistant answer parsed (`metadata.rendered`), so the browser shows it
 * without downloading the Markdown parser, and collapsed past PAGE_ANSWER_LIMIT. Blocks are parsed one at a time with
 * other requests let in between: no page holds the server for longer than one block's parse.
 */
export async function withRenderedAnswers(chatId: string, messages: UIMessage[]): Promise<UIMessage[]> {
  let budget = PAGE_BUDGET;
  const shown = messages.map((message) => collapsed(chatId, message));
  for (let index = shown.length - 1; index >= 0; index--) {
    const message = shown[index]!;
    if (message.role !== "assistant") continue;
    const text = textOf(message);
    const cost = Math.min(text.length, MARKDOWN_BUDGET);
    if (cost > budget) break;
    budget -= cost;
    const metadata: AnswerMetadata = { ...(message.metadata as AnswerMetadata), rendered: await renderAnswer(text) };
    shown[index] = { ...message, metadata };
  }
  return shown;
}

/** An answer longer than PAGE_ANSWER_LIMIT, cut there, saying how long it is and where the rest is. */
function collapsed(chatId: string, message: UIMessage): UIMessage {
  const text = textOf(message);
  if (message.role !== "assistant" || text.length <= PAGE_ANSWER_LIMIT) return message;
  const metadata: AnswerMetadata = {
    ...(message.metadata as AnswerMetadata),
    collapsed: { chatId, length: text.length },
  };
  return { ...message, parts: [{ type: "text", text: text.slice(0, PAGE_ANSWER_LIMIT) }], metadata };
}

async function renderAnswer(text: string): Promise<RenderedAnswer> {
  const { blocks, rest } = splitAnswer(text);
  const parsed: MdNode[][] = [];
  for (const source of blocks) {
    parsed.push(parseBlock(source));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { blocks: parsed, restFrom: text.length - rest.length };
}
