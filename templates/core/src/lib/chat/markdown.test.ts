import type { UIMessage } from "ai";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChatMessage } from "@/components/chat/chat-message";
import { MARKDOWN_BUDGET, MAX_BLOCK, type MdNode, parseBlock, splitAnswer } from "./markdown";
import { PAGE_ANSWER_LIMIT, withRenderedAnswers } from "./rendered-answers";
import { answerMetadata } from "./types";

/** The page's HTML for an answer, parsed as the chat page parses stored answers. */
async function pageHtml(text: string): Promise<string> {
  const message: UIMessage = { id: "a", role: "assistant", parts: [{ type: "text", text }] };
  const [rendered] = await withRenderedAnswers("chat", [message]);
  return renderToStaticMarkup(createElement(ChatMessage, { message: rendered! }));
}

/** Every node of a tree, depth first. */
function* walk(nodes: MdNode[]): Generator<MdNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind === "element") yield* walk(node.children);
  }
}

const tags = (source: string) =>
  [...walk(parseBlock(source))].flatMap((node) => (node.kind === "element" ? [node.tag] : []));

describe("Markdown: what answers use", () => {
  it("renders GFM: tables with alignment, task lists, strikethrough, autolinks, nested lists", async () => {
    const html = await pageHtml(
      [
        "| Name | Size |",
        "|:-----|-----:|",
        "| a    | 1    |",
        "",
        "- [x] done",
        "- [ ] open",
        "",
        "~~old~~ and https://example.com/docs and ops@example.com",
        "",
        "1. first",
        "   - inner",
        "     - deeper",
      ].join("\n"),
    );
    expect(html).toContain("<table");
    expect(html).toMatch(/<th class="[^"]*text-left[^"]*">Name<\/th>/);
    expect(html).toMatch(/<td class="[^"]*text-right[^"]*">1<\/td>/);
    expect(html).toMatch(/<input type="checkbox" disabled="" aria-label="Done"[^>]*checked=""/);
    expect(html).toMatch(/<input type="checkbox" disabled="" aria-label="Not done"/);
    expect(html).toContain('<del class="line-through">old</del>');
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain('href="mailto:ops@example.com"');
    expect(html).toMatch(/<ol[^>]*><li>first<ul[^>]*><li>inner<ul[^>]*><li>deeper<\/li><\/ul><\/li><\/ul><\/li><\/ol>/);
  });

  it("renders headings below the page's own, fenced code with its language and a copy button, quotes and rules", async () => {
    const html = await pageHtml("# Title\n\n```ts\nconst a = 1 < 2;\n```\n\n> said\n\n---");
    expect(html).toContain('<h3 class="font-semibold">Title</h3>');
    expect(html).toContain("<span>ts</span>");
    expect(html).toContain("Copy code");
    expect(html).toContain("const a = 1 &lt; 2;");
    expect(html).toContain("<blockquote");
    expect(html).toContain("<hr/>");
  });

  it("cuts an answer at blank lines, keeping fenced code and a list item's indented paragraphs whole", () => {
    const answer = "Intro\n\n```\na\n\nb\n```\n\n1. item\n\n   more of the item\n\nEnd";
    expect(splitAnswer(answer)).toEqual({
      blocks: ["Intro\n\n", "```\na\n\nb\n```\n\n", "1. item\n\n   more of the item\n\n", "End"],
      rest: "",
    });
  });

  it("shows what is past the budget as plain text, and a block too long to parse as its text", () => {
    const paragraph = "word ".repeat(1000) + "\n\n";
    const answer = paragraph.repeat(Math.ceil(MARKDOWN_BUDGET / paragraph.length) + 3);
    const { blocks, rest } = splitAnswer(answer);
    expect(blocks.join("").length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    expect(blocks.join("") + rest).toBe(answer);
    expect(parseBlock("*a".repeat(MAX_BLOCK))).toEqual([{ kind: "plain", text: "*a".repeat(MAX_BLOCK) }]);
  });
});

describe("Markdown: hostile answers", () => {
  const XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    '[a](https://example.com "title" onmouseover="alert(1)")',
    "```html\n<script>alert(1)</script>\n```",
    '<a href="javascript:alert(1)">x</a>',
    "[x](//evil.example/path)",
  ];

  it.each(XSS)("never turns %j into markup or an unsafe link", async (answer) => {
    const html = await pageHtml(answer);
    expect(html).not.toMatch(/<(script|img|iframe)|<[^>]*\son\w+=/i);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:|mailto:)/);
  });

  // Each must parse well within what a page may take (the HTML is rendered here by React's development build, several
  // times slower than a production server: the e2e suite times whole pages on one).
  const ADVERSARIAL: Record<string, string> = {
    "a heading of 4,500 spaces": `# a${" ".repeat(4500)}b`,
    "128,000 [": "[".repeat(128_000),
    "64 KB of [a](": "[a](".repeat(16_000),
    "3,900 >": `${">".repeat(3900)} x`,
    "100,000 >": `${">".repeat(100_000)} x`,
    "lists nested 500 deep": Array.from({ length: 500 }, (_, depth) => `${"  ".repeat(depth)}- x`).join("\n"),
    "50,000 *a": "*a".repeat(50_000),
    "emphasis runs": "***a**b*".repeat(8000),
    "table of 5,000 columns": `${"|a".repeat(5000)}\n${"|-".repeat(5000)}\n${"|b".repeat(5000)}`,
    "unclosed markup": "**bold `code [link](http://a ~~strike\n```js\nnever closed",
    "1 MB answer":
      "Some **bold** text with `code` and a [link](https://example.com).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```\n\n"
        .repeat(10_000)
        .slice(0, 1_000_000),
  };

  it.each(Object.entries(ADVERSARIAL))("parses %s in at most 250 ms of CPU and shows all of it", async (_, answer) => {
    await pageHtml(answer.slice(0, 1000));
    // CPU time, not wall time: the bound is on the work, however busy the machine running the tests is. It is the
    // process's, V8's garbage-collection threads included, which grow when two test files share two cores; a parser
    // that is quadratic anywhere takes seconds here.
    const started = process.cpuUsage();
    await withRenderedAnswers("chat", [{ id: "a", role: "assistant", parts: [{ type: "text", text: answer }] }]);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(250);
    const html = await pageHtml(answer);
    const shown = html
      .replace(/<[^>]*>/g, "")
      .replaceAll("&gt;", ">")
      .replaceAll("&lt;", "<")
      .replaceAll("&amp;", "&");
    const letters = (text: string) => text.replace(/[^a-z]/g, "").length;
    const carried = answer.slice(0, PAGE_ANSWER_LIMIT);
    expect(letters(shown)).toBeGreaterThanOrEqual(letters(carried) / 2);
    if (answer.length > PAGE_ANSWER_LIMIT) expect(shown).toContain("Show the whole answer");
  });

  it("parses a stored chat newest first, and no more than its page budget", async () => {
    const long = "x ".repeat(MARKDOWN_BUDGET / 2);
    const messages: UIMessage[] = Array.from({ length: 12 }, (_, index) => ({
      id: String(index),
      role: "assistant",
      parts: [{ type: "text", text: long }],
    }));
    const rendered = await withRenderedAnswers("chat", messages);
    expect(answerMetadata(rendered.at(-1)!).rendered).toBeDefined();
    expect(answerMetadata(rendered[0]!).rendered).toBeUndefined();
  });

  it("keeps every tag it produces among the ones the page renders", () => {
    const produced = new Set(
      tags("# h\n\n- a\n1. b\n> q\n\n| a |\n|---|\n| b |\n\n**s** *e* ~~d~~ `c` [l](https://a.b)  \nx\n\n---"),
    );
    expect([...produced].sort()).toEqual(
      [
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h3",
        "hr",
        "li",
        "ol",
        "p",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
      ].sort(),
    );
  });
});
