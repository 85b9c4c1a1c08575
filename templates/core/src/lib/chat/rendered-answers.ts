import type { UIMessage } from "ai";
import { MARKDOWN_BUDGET, type MdNode, parseBlock, type RenderedAnswer, splitAnswer } from "./markdown";
import { textOf } from "./types";

/**
 * How much Markdown one page view parses on the server, newest answers first; older answers past it are parsed in
 * the reader's browser when shown. With MARKDOWN_BUDGET per answer, it bounds a page's server time whatever its chat
 * holds.
 */
const PAGE_BUDGET = 128_000;

/**
 * A stored chat's messages with each assistant answer parsed for the page (`metadata.rendered`), so the browser shows
 * them without downloading the Markdown parser. Blocks are parsed one at a time with other requests let in between:
 * no page holds the server for longer than one block's parse.
 */
export async function withRenderedAnswers(messages: UIMessage[]): Promise<UIMessage[]> {
  let budget = PAGE_BUDGET;
  const rendered = [...messages];
  for (let index = rendered.length - 1; index >= 0; index--) {
    const message = rendered[index]!;
    if (message.role !== "assistant") continue;
    const text = textOf(message);
    const cost = Math.min(text.length, MARKDOWN_BUDGET);
    if (cost > budget) break;
    budget -= cost;
    rendered[index] = { ...message, metadata: { rendered: await renderAnswer(text) } };
  }
  return rendered;
}

async function renderAnswer(text: string): Promise<RenderedAnswer> {
  const { blocks, rest } = splitAnswer(text);
  const parsed: MdNode[][] = [];
  for (const source of blocks) {
    parsed.push(parseBlock(source));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { blocks: parsed, rest };
}
