import MarkdownIt, { type Token } from "markdown-it";

/*
 * A model's answer is untrusted input: this turns it into a small tree of allowed elements that the page renders with
 * React (components/chat/markdown.tsx), never as HTML. The parsing is markdown-it's (CommonMark with GFM tables,
 * strikethrough and autolinks; task lists are read from the list items below): linear in time, about 1 µs a character
 * at worst, and nesting deeper than MAX_NESTING is shown as text, so no answer can exhaust the stack. Answers are
 * parsed block by block: a streaming answer re-parses only its last block, a block longer than MAX_BLOCK is shown as
 * text, and past MARKDOWN_BUDGET the rest of an answer is plain text, so any answer renders in bounded time.
 */

/** How many characters of an answer are rendered as Markdown; what follows is shown as plain text. */
export const MARKDOWN_BUDGET = 32_000;

/** A single block longer than this is shown as plain text (parsing it would hold the server for over ~20 ms). */
export const MAX_BLOCK = 16_000;

/** Deeper lists or quotes than this are shown as their text. */
const MAX_NESTING = 20;

const parser = new MarkdownIt("default", { html: false, linkify: true, maxNesting: MAX_NESTING });

/** The schemes a link may have; any other link is shown as its text. */
const LINK_SCHEMES = ["http:", "https:", "mailto:"];

export type MdElementTag =
  | "p"
  | "h3"
  | "h4"
  | "h5"
  | "h6"
  | "ul"
  | "ol"
  | "li"
  | "blockquote"
  | "hr"
  | "table"
  | "thead"
  | "tbody"
  | "tr"
  | "th"
  | "td"
  | "strong"
  | "em"
  | "del"
  | "code"
  | "br"
  | "a";

export interface MdElement {
  kind: "element";
  tag: MdElementTag;
  children: MdNode[];
  /** `ol`: its first number. */
  start?: number;
  /** `th`, `td`: the column's alignment. */
  align?: "left" | "center" | "right";
  /** `a`: an http(s) or mailto address. */
  href?: string;
}

export type MdNode =
  | MdElement
  | { kind: "text"; text: string }
  /** Text shown as it is, line breaks kept: a block nested too deeply to show its structure. */
  | { kind: "plain"; text: string }
  | { kind: "code-block"; language: string; text: string }
  | { kind: "task"; checked: boolean };

/** An answer cut into Markdown blocks (each parsed on its own) and, past the budget, the rest as plain text. */
export interface AnswerBlocks {
  blocks: string[];
  rest: string;
}

/**
 * Cuts an answer into top-level blocks at blank lines, keeping fenced code whole and a blank line followed by an
 * indented line (a list item's next paragraph) inside its block. One pass over the lines, no regular expressions.
 * Blocks past MARKDOWN_BUDGET characters, and a single block longer than it, go to `rest`.
 */
export function splitAnswer(text: string): AnswerBlocks {
  const blocks: string[] = [];
  let blockStart = 0;
  let fence = "";
  let sawBlank = false;
  let used = 0;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const indented = line.length > 0 && (line[0] === " " || line[0] === "\t");
    if (fence) {
      if (line.trimStart().startsWith(fence)) fence = "";
    } else if (isBlank(line)) {
      sawBlank = true;
    } else {
      if (sawBlank && !indented && lineStart > blockStart) {
        const block = text.slice(blockStart, lineStart);
        if (used + block.length > MARKDOWN_BUDGET) return { blocks, rest: text.slice(blockStart) };
        blocks.push(block);
        used += block.length;
        blockStart = lineStart;
      }
      sawBlank = false;
      fence = openedFence(line);
    }
    lineStart = lineEnd + 1;
  }
  const last = text.slice(blockStart);
  if (used + last.length > MARKDOWN_BUDGET) return { blocks, rest: last };
  if (!isBlank(last)) blocks.push(last);
  return { blocks, rest: "" };
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** The fence a line opens (three or more backticks or tildes after at most three spaces), or "". */
function openedFence(line: string): string {
  const trimmed = line.trimStart();
  if (line.length - trimmed.length > 3) return "";
  const marker = trimmed[0];
  if (marker !== "`" && marker !== "~") return "";
  let length = 0;
  while (trimmed[length] === marker) length++;
  return length >= 3 ? marker.repeat(length) : "";
}

/** One block's Markdown as a tree of allowed elements. */
export function parseBlock(source: string): MdNode[] {
  if (source.length > MAX_BLOCK) return [{ kind: "plain", text: source }];
  const tokens = parser.parse(source, {});
  // markdown-it stops reading a block at MAX_NESTING and drops its remainder: such a block is shown as its text.
  if (tokens.some((token) => token.level >= MAX_NESTING - 1)) return [{ kind: "plain", text: source }];
  return toTree(tokens);
}

/** An answer ready to render: each block's tree, then the rest as plain text. */
export interface RenderedAnswer {
  blocks: MdNode[][];
  /** Where the plain-text rest of the answer starts (its length when there is none). */
  restFrom: number;
}

function toTree(tokens: Token[]): MdNode[] {
  const root: MdNode[] = [];
  const stack: MdNode[][] = [root];
  const current = () => stack[stack.length - 1]!;
  for (const token of tokens) {
    if (token.nesting === -1) {
      if (stack.length > 1 && !token.hidden) stack.pop();
      continue;
    }
    if (token.type === "inline") {
      current().push(...inlineTree(token.children ?? []));
      continue;
    }
    if (token.type === "fence" || token.type === "code_block") {
      current().push({
        kind: "code-block",
        language: token.info.trim().split(" ")[0] ?? "",
        text: trimEnd(token.content),
      });
      continue;
    }
    if (token.type === "hr") {
      current().push({ kind: "element", tag: "hr", children: [] });
      continue;
    }
    if (token.nesting === 1 && !token.hidden) {
      const element = blockElement(token);
      current().push(element);
      stack.push(element.children);
    }
  }
  return markTasks(root);
}

function blockElement(token: Token): MdElement {
  switch (token.type) {
    case "heading_open":
      // The page has its h1 and h2: an answer's headings sit below them.
      return { kind: "element", tag: `h${Math.min(Number(token.tag.slice(1)) + 2, 6)}` as MdElementTag, children: [] };
    case "ordered_list_open":
      return { kind: "element", tag: "ol", start: Number(token.attrGet("start") ?? 1), children: [] };
    case "th_open":
    case "td_open":
      return { kind: "element", tag: token.tag as "th" | "td", align: alignOf(token), children: [] };
    default:
      return { kind: "element", tag: ALLOWED_BLOCKS.has(token.tag) ? (token.tag as MdElementTag) : "p", children: [] };
  }
}

const ALLOWED_BLOCKS = new Set(["p", "ul", "li", "blockquote", "table", "thead", "tbody", "tr"]);

function alignOf(token: Token): "left" | "center" | "right" | undefined {
  const style = String(token.attrGet("style") ?? "");
  if (style.endsWith("left")) return "left";
  if (style.endsWith("center")) return "center";
  if (style.endsWith("right")) return "right";
  return undefined;
}

const INLINE_TAGS: Record<string, MdElementTag> = { strong_open: "strong", em_open: "em", s_open: "del" };

function inlineTree(tokens: Token[]): MdNode[] {
  const root: MdNode[] = [];
  const stack: MdNode[][] = [root];
  const current = () => stack[stack.length - 1]!;
  for (const token of tokens) {
    switch (token.type) {
      case "text":
        pushText(current(), token.content);
        break;
      case "softbreak":
        pushText(current(), "\n");
        break;
      case "hardbreak":
        current().push({ kind: "element", tag: "br", children: [] });
        break;
      case "code_inline":
        current().push({ kind: "element", tag: "code", children: [{ kind: "text", text: token.content }] });
        break;
      case "image":
        // An answer's images are not fetched (they would tell a third party who reads the chat): their text is shown.
        pushText(current(), token.content);
        break;
      case "link_open": {
        const href = safeHref(String(token.attrGet("href") ?? ""));
        if (!href) {
          // Its text stays, without the link.
          stack.push(current());
          break;
        }
        const link: MdElement = { kind: "element", tag: "a", href, children: [] };
        current().push(link);
        stack.push(link.children);
        break;
      }
      case "strong_open":
      case "em_open":
      case "s_open": {
        const element: MdElement = { kind: "element", tag: INLINE_TAGS[token.type]!, children: [] };
        current().push(element);
        stack.push(element.children);
        break;
      }
      case "link_close":
      case "strong_close":
      case "em_close":
      case "s_close":
        if (stack.length > 1) stack.pop();
        break;
      default:
        // Anything else (html_inline cannot occur with html off) is shown as its source text.
        if (token.content) pushText(current(), token.content);
    }
  }
  return root;
}

function pushText(nodes: MdNode[], text: string): void {
  const last = nodes[nodes.length - 1];
  if (last?.kind === "text") last.text += text;
  else nodes.push({ kind: "text", text });
}

/** The address if its scheme is allowed, else null. Relative addresses are not links in a chat answer. */
function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return LINK_SCHEMES.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A list item whose text starts with `[ ] ` or `[x] ` is a task: a checkbox, then the rest of its text. */
function markTasks(nodes: MdNode[]): MdNode[] {
  for (const node of nodes) {
    if (node.kind !== "element") continue;
    if (node.tag === "li") {
      const first =
        node.children[0]?.kind === "element" && node.children[0].tag === "p"
          ? node.children[0].children
          : node.children;
      const text = first[0];
      if (text?.kind === "text" && /^\[[ xX]\] /.test(text.text)) {
        first.splice(0, 1, { kind: "task", checked: text.text[1] !== " " }, { kind: "text", text: text.text.slice(4) });
      }
    }
    markTasks(node.children);
  }
  return nodes;
}

function trimEnd(text: string): string {
  return text.endsWith("\n") ? text.slice(0, -1) : text;
}
