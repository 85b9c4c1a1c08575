/**
 * A Markdown table laid out as Prettier lays it out (each column as wide as its widest cell, the delimiter row of
 * dashes), so a generated README passes the app's `format:check`. Takes the table's lines as written, `| a | b |`;
 * a `|` inside a cell is written `\|`.
 */
export function alignMarkdownTable(source: string): string {
  const rows = source
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("|"))
    .map(cellsOf);
  const [header, , ...body] = rows;
  if (!header) return source;
  const table = [header, ...body];
  const widths = header.map((_, column) => Math.max(3, ...table.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${widths.map((width, column) => (cells[column] ?? "").padEnd(width)).join(" | ")} |`;
  const delimiter = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  return [line(header), delimiter, ...body.map(line)].join("\n") + "\n";
}

/** The cells of one table line, split on the `|` that are not escaped. */
function cellsOf(line: string): string[] {
  return line
    .slice(1, line.endsWith("|") && !line.endsWith("\\|") ? -1 : undefined)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** The first line of every aggregate list: it also keeps Prettier from joining a short list onto one line. */
export const ENTRIES_COMMENT = "// One entry a line: entries of your own merge cleanly with the ones create-craftjs adds.";

/**
 * A one-line statement holding an array literal (`[a, b, c]`), laid out one element a line with trailing commas
 * under a comment, as Prettier keeps it. For the aggregate files' lists, whose elements come from the chosen items:
 * a user's entry and a feature's, each on a line of its own, merge three ways without a conflict.
 */
export function entriesArrayStatement(source: string): string {
  const text = source.replace(/\n$/, "");
  const open = text.indexOf("[", text.indexOf("= "));
  const close = matchingBracket(text, open);
  if (open < 0 || close < 0 || text.includes("\n")) return source;
  const indent = /^\s*/.exec(text)![0];
  const items = text.slice(open + 1, close).split(", ").filter(Boolean);
  const lines = [
    text.slice(0, open + 1),
    `${indent}  ${ENTRIES_COMMENT}`,
    ...items.map((item) => `${indent}  ${item},`),
    `${indent}${text.slice(close)}`,
  ];
  return lines.join("\n") + (source.endsWith("\n") ? "\n" : "");
}

/** The index of the `]` that closes the `[` at `open`, or -1. */
function matchingBracket(text: string, open: number): number {
  if (open < 0) return -1;
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === "[") depth++;
    if (text[index] === "]" && --depth === 0) return index;
  }
  return -1;
}
