import { describe, expect, it } from "vitest";
import { alignMarkdownTable, fitArrayStatement } from "../../src/template-layout.js";

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

describe("fitArrayStatement", () => {
  it("leaves a statement that fits on its line", () => {
    expect(fitArrayStatement("export const list: T[] = [a, b];\n")).toBe("export const list: T[] = [a, b];\n");
  });

  it("breaks the array of a long one, one element a line, the type's brackets untouched", () => {
    const items = Array.from({ length: 12 }, (_, index) => `SomeLongSectionName${index}`);
    const broken = fitArrayStatement(`export const list = [${items.join(", ")}] satisfies Thing[];\n`);
    expect(broken).toBe(`export const list = [\n${items.map((item) => `  ${item},`).join("\n")}\n] satisfies Thing[];\n`);
  });
});
