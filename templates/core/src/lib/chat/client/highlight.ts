import type { Element, Root, RootContent } from "hast";
import { createLowlight } from "lowlight";
import { createElement, type ReactNode } from "react";

/*
 * Syntax highlighting for the code blocks of answers, loaded in the browser only when a code block is shown: lowlight
 * (highlight.js's grammars producing a tree, not HTML) with each language fetched on first use. The tree becomes React
 * elements whose only attribute is highlight.js's class names.
 */

/** Longer code is shown without colours: highlighting it would hold up the page. */
const MAX_HIGHLIGHTED = 20_000;

const GRAMMARS: Record<
  string,
  () => Promise<{ default: Parameters<ReturnType<typeof createLowlight>["register"]>[1] }>
> = {
  bash: () => import("highlight.js/lib/languages/bash"),
  c: () => import("highlight.js/lib/languages/c"),
  cpp: () => import("highlight.js/lib/languages/cpp"),
  css: () => import("highlight.js/lib/languages/css"),
  diff: () => import("highlight.js/lib/languages/diff"),
  go: () => import("highlight.js/lib/languages/go"),
  java: () => import("highlight.js/lib/languages/java"),
  javascript: () => import("highlight.js/lib/languages/javascript"),
  json: () => import("highlight.js/lib/languages/json"),
  markdown: () => import("highlight.js/lib/languages/markdown"),
  python: () => import("highlight.js/lib/languages/python"),
  rust: () => import("highlight.js/lib/languages/rust"),
  sql: () => import("highlight.js/lib/languages/sql"),
  typescript: () => import("highlight.js/lib/languages/typescript"),
  xml: () => import("highlight.js/lib/languages/xml"),
  yaml: () => import("highlight.js/lib/languages/yaml"),
};

/** The names answers give languages, as the grammar that reads them. */
const ALIASES: Record<string, string> = {
  sh: "bash",
  shell: "bash",
  zsh: "bash",
  "c++": "cpp",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  ts: "typescript",
  tsx: "typescript",
  py: "python",
  rs: "rust",
  html: "xml",
  svg: "xml",
  yml: "yaml",
  md: "markdown",
};

const lowlight = createLowlight();

/** The code as highlighted React elements, or undefined for a language it does not know or code too long. */
export async function highlight(language: string, code: string): Promise<ReactNode | undefined> {
  const name = ALIASES[language.toLowerCase()] ?? language.toLowerCase();
  const grammar = Object.hasOwn(GRAMMARS, name) ? GRAMMARS[name] : undefined;
  if (!grammar || code.length > MAX_HIGHLIGHTED) return undefined;
  if (!lowlight.registered(name)) lowlight.register(name, (await grammar()).default);
  return toReact(lowlight.highlight(name, code));
}

function toReact(tree: Root | Element): ReactNode[] {
  return tree.children.map((node: RootContent, index) => {
    if (node.type === "text") return node.value;
    if (node.type !== "element") return null;
    const classes = node.properties.className;
    const className = Array.isArray(classes) ? classes.join(" ") : undefined;
    return createElement("span", { key: index, className }, ...toReact(node));
  });
}
