import { describe, expect, it } from "vitest";
import { alignMarkdownTable, ENTRIES_COMMENT, entriesArrayStatement } from "../../src/template-layout.js";

describe("alignMarkdownTable", () => {
  it("pads every column to its widest cell, as Prettier does", () => {
    expect(alignMarkdownTable("| A | Long header |\n|---|---|\n| wide cell | x |\n")).toBe(
      "| A         | Long header |\n| --------- | ----------- |\n| wide cell | x           |\n",
    );
  });

  it("keeps an escaped pipe inside its cell", () => {
    expect(alignMarkdownTable("| a | b |\n|---|---|\n| `x \\| y` | z |\n")).toBe(
      "| a        | b   |\n| -------- | --- |\n| `x \\| y` | z   |\n",
    );
  });
});

describe("entriesArrayStatement", () => {
  it("lays a list out one element a line under its comment, the type's brackets untouched", () => {
    expect(entriesArrayStatement("export const list = [a, b] satisfies Thing[];\n")).toBe(
      `export const list = [\n  ${ENTRIES_COMMENT}\n  a,\n  b,\n] satisfies Thing[];\n`,
    );
  });

  it("keeps the statement's indentation, and an empty list open for entries", () => {
    expect(entriesArrayStatement("  const origins = [];")).toBe(`  const origins = [\n    ${ENTRIES_COMMENT}\n  ];`);
  });
});
