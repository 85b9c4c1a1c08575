/**
 * The Markdown an answer is written in, parsed into plain data that a component turns into React elements. HTML in
 * an answer is never interpreted: it stays text, so a model (or a prompt injected into it) cannot put markup, scripts
 * or tracking images on the page. Only what chat answers use is understood: paragraphs, headings, lists, quotes,
 * rules, fenced code, inline code, bold, italics and links. An answer that is still streaming (an unclosed fence, a
 * lone `**`) reads as text until it is complete.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "break" };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "code"; language: string; text: string }
  | { type: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { type: "quote"; children: Block[] }
  | { type: "rule" };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}>\s?/;
const BULLET = /^ {0,3}[-*+]\s+/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)]\s+/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === "") {
      index++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      index++;
      while (index < lines.length && !lines[index]!.trimStart().startsWith(marker)) body.push(lines[index++]!);
      index++;
      blocks.push({ type: "code", language: fence[2] ?? "", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading[1]!.length, children: parseInline(heading[2]!) });
      index++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      index++;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (index < lines.length && QUOTE.test(lines[index]!)) quoted.push(lines[index++]!.replace(QUOTE, ""));
      blocks.push({ type: "quote", children: parseMarkdown(quoted.join("\n")) });
      continue;
    }
    const ordered = NUMBERED.exec(line);
    if (ordered || BULLET.test(line)) {
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[][] = [];
      while (index < lines.length) {
        const current = lines[index]!;
        if (marker.test(current)) items.push([current.replace(marker, "")]);
        else if (/^\s+\S/.test(current) && items.length > 0) items.at(-1)!.push(current.trim());
        else break;
        index++;
      }
      blocks.push({
        type: "list",
        ordered: Boolean(ordered),
        start: ordered ? Number(ordered[1]) : 1,
        items: items.map((item) => parseInline(item.join("\n"))),
      });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length && lines[index]!.trim() !== "" && !startsBlock(lines[index]!)) {
      paragraph.push(lines[index++]!.trim());
    }
    blocks.push({ type: "paragraph", children: parseInline(paragraph.join("\n")) });
  }
  return blocks;
}

function startsBlock(line: string): boolean {
  return [FENCE, HEADING, RULE, QUOTE, BULLET, NUMBERED].some((pattern) => pattern.test(line));
}

/** One span rule: the character it can start at, and what it makes of a match there. */
interface InlineRule {
  /** The first character of any match: other positions are not tried, which keeps long answers cheap to parse. */
  first: string;
  /** Sticky (`y`), so that it matches exactly at the position tried. */
  pattern: RegExp;
  make(match: RegExpExecArray): Inline;
  /** Only where a word does not run into it, so that snake_case and URLs inside words stay text. */
  atWordStart?: boolean;
}

const inlineRules: InlineRule[] = [
  {
    first: "`",
    pattern: /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/y,
    make: (match) => ({ type: "code", text: match[2]!.trim() }),
  },
  {
    first: "[",
    pattern: /\[([^\]\n]+)\]\(\s*<?([^\s)>]+)>?\s*\)/y,
    make: (match) => link(match[2]!, parseInline(match[1]!)),
  },
  {
    first: "h",
    pattern: /https?:\/\/[^\s<>"']*[^\s<>"'.,:;!?)\]]/y,
    make: (match) => link(match[0], [{ type: "text", text: match[0] }]),
    atWordStart: true,
  },
  {
    first: "*",
    pattern: /\*\*(?=\S)([\s\S]*?\S)\*\*/y,
    make: (match) => ({ type: "strong", children: parseInline(match[1]!) }),
  },
  {
    first: "_",
    pattern: /__(?=\S)([\s\S]*?\S)__(?!\w)/y,
    make: (match) => ({ type: "strong", children: parseInline(match[1]!) }),
    atWordStart: true,
  },
  {
    first: "*",
    pattern: /\*(?=[^\s*])([\s\S]*?[^\s*])\*(?!\*)/y,
    make: (match) => ({ type: "em", children: parseInline(match[1]!) }),
  },
  {
    first: "_",
    pattern: /_(?=[^\s_])([\s\S]*?[^\s_])_(?!\w)/y,
    make: (match) => ({ type: "em", children: parseInline(match[1]!) }),
    atWordStart: true,
  },
];

export function parseInline(text: string): Inline[] {
  const nodes: Inline[] = [];
  let plain = "";
  const flush = () => {
    if (plain) nodes.push({ type: "text", text: plain });
    plain = "";
  };
  let position = 0;
  while (position < text.length) {
    const character = text[position]!;
    if (character === "\n") {
      flush();
      nodes.push({ type: "break" });
      position++;
      continue;
    }
    const span = matchAt(text, position);
    if (span) {
      flush();
      nodes.push(span.node);
      position += span.length;
    } else {
      plain += character;
      position++;
    }
  }
  flush();
  return nodes;
}

function matchAt(text: string, position: number): { node: Inline; length: number } | null {
  const character = text[position];
  const wordBefore = position > 0 && /\w/.test(text[position - 1]!);
  for (const rule of inlineRules) {
    if (rule.first !== character || (rule.atWordStart && wordBefore)) continue;
    rule.pattern.lastIndex = position;
    const match = rule.pattern.exec(text);
    if (match) return { node: rule.make(match), length: match[0].length };
  }
  return null;
}

/** A link to a web page or an email address; any other scheme (javascript:, data:, …) is shown as its text only. */
function link(href: string, children: Inline[]): Inline {
  return safeHref(href) ? { type: "link", href, children } : { type: "text", text: plainText(children) };
}

export function safeHref(href: string): boolean {
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

function plainText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text" || node.type === "code") return node.text;
      if (node.type === "break") return "\n";
      return plainText(node.children);
    })
    .join("");
}
