import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./markdown";

describe("parseMarkdown", () => {
  it("reads paragraphs, headings, lists, quotes, rules and fenced code", () => {
    const blocks = parseMarkdown(
      [
        "# Title",
        "",
        "One line",
        "and the next",
        "",
        "- a",
        "- b",
        "",
        "3. c",
        "",
        "> said",
        "",
        "---",
        "```js",
        "x < 1",
        "```",
      ].join("\n"),
    );
    expect(blocks.map((block) => block.type)).toEqual([
      "heading",
      "paragraph",
      "list",
      "list",
      "quote",
      "rule",
      "code",
    ]);
    expect(blocks[1]).toEqual({
      type: "paragraph",
      children: [{ type: "text", text: "One line" }, { type: "break" }, { type: "text", text: "and the next" }],
    });
    expect(blocks[3]).toMatchObject({ type: "list", ordered: true, start: 3 });
    expect(blocks[6]).toEqual({ type: "code", language: "js", text: "x < 1" });
  });

  it("keeps an unclosed fence, as a streaming answer has it, as code up to the end", () => {
    expect(parseMarkdown("Look:\n```py\nprint(1)")).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "Look:" }] },
      { type: "code", language: "py", text: "print(1)" },
    ]);
  });

  it("leaves HTML as text: there is no node that could carry markup", () => {
    const source = '<img src=x onerror="alert(1)"> <script>alert(1)</script>';
    expect(parseMarkdown(source)).toEqual([{ type: "paragraph", children: [{ type: "text", text: source }] }]);
  });
});

describe("parseInline", () => {
  it("reads code, bold, italics and links", () => {
    expect(parseInline("a `b` **c** *d* [e](https://example.com)")).toEqual([
      { type: "text", text: "a " },
      { type: "code", text: "b" },
      { type: "text", text: " " },
      { type: "strong", children: [{ type: "text", text: "c" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "d" }] },
      { type: "text", text: " " },
      { type: "link", href: "https://example.com", children: [{ type: "text", text: "e" }] },
    ]);
  });

  it("shows a link to any other scheme as its text only", () => {
    expect(parseInline("[click](javascript:alert%281%29)")).toEqual([{ type: "text", text: "click" }]);
    expect(parseInline("[x](data:text/html,hi)")).toEqual([{ type: "text", text: "x" }]);
  });

  it("links a bare web address without its trailing punctuation", () => {
    expect(parseInline("See https://example.com/a.")).toEqual([
      { type: "text", text: "See " },
      { type: "link", href: "https://example.com/a", children: [{ type: "text", text: "https://example.com/a" }] },
      { type: "text", text: "." },
    ]);
  });

  it("keeps snake_case, lone markers and code contents as they are", () => {
    expect(parseInline("snake_case_name")).toEqual([{ type: "text", text: "snake_case_name" }]);
    expect(parseInline("2 * 3 and **open")).toEqual([{ type: "text", text: "2 * 3 and **open" }]);
    expect(parseInline("`**not bold**`")).toEqual([{ type: "code", text: "**not bold**" }]);
  });
});
