"use client";

import { createElement, memo, type ReactNode, useEffect, useMemo, useState } from "react";
import type { MdElement, MdNode, RenderedAnswer } from "@/lib/chat/markdown";
import { CodeBlock } from "./code-block";

type MarkdownModule = typeof import("@/lib/chat/markdown");

/**
 * An answer's Markdown as React elements. Every piece of text goes through React as text, never as HTML, so nothing
 * an answer contains can become markup on the page. A stored answer comes parsed by the server (`rendered`); an
 * answer streaming in is parsed here, by the parser fetched the first time one is shown, one block at a time: blocks
 * that are complete keep their elements, only the last one is parsed again as the answer grows.
 */
export function Markdown({ text, rendered }: { text: string; rendered?: RenderedAnswer }) {
  if (rendered) {
    return (
      <Answer rest={text.slice(rendered.restFrom)}>
        {rendered.blocks.map((nodes, index) => (
          <Nodes key={index} nodes={nodes} />
        ))}
      </Answer>
    );
  }
  return <LiveMarkdown text={text} />;
}

function LiveMarkdown({ text }: { text: string }) {
  const markdown = useMarkdownModule();
  const split = useMemo(() => markdown?.splitAnswer(text), [markdown, text]);
  if (!markdown || !split) return <Answer rest={text} plain />;
  return (
    <Answer rest={split.rest}>
      {split.blocks.map((source, index) => (
        <ParsedBlock key={index} source={source} parse={markdown.parseBlock} />
      ))}
    </Answer>
  );
}

/** One block, parsed again only when its text changed. */
const ParsedBlock = memo(function ParsedBlock({
  source,
  parse,
}: {
  source: string;
  parse: MarkdownModule["parseBlock"];
}) {
  const nodes = useMemo(() => parse(source), [parse, source]);
  return <Nodes nodes={nodes} />;
});

let markdownModule: MarkdownModule | undefined;
let loading: Promise<MarkdownModule> | undefined;

/** The parser, fetched on first use (it is not part of the chat page's first load); undefined until it is here. */
function useMarkdownModule(): MarkdownModule | undefined {
  const [loaded, setLoaded] = useState(markdownModule);
  useEffect(() => {
    if (loaded) return;
    loading ??= import("@/lib/chat/markdown").then((module) => (markdownModule = module));
    void loading.then(setLoaded);
  }, [loaded]);
  return loaded;
}

/** The answer's blocks, then what is past the Markdown budget as plain text. */
function Answer({ children, rest, plain = false }: { children?: ReactNode; rest: string; plain?: boolean }) {
  return (
    <div className="grid min-w-0 gap-3 leading-relaxed break-words">
      {children}
      {rest && (
        <>
          {!plain && (
            <p className="text-xs text-muted-foreground">The rest of this long answer is shown as plain text.</p>
          )}
          <p className="whitespace-pre-wrap">{rest}</p>
        </>
      )}
    </div>
  );
}

function Nodes({ nodes }: { nodes: MdNode[] }) {
  return nodes.map((node, index) => <Node key={index} node={node} />);
}

function Node({ node }: { node: MdNode }) {
  switch (node.kind) {
    case "text":
      return node.text;
    case "plain":
      return <p className="whitespace-pre-wrap">{node.text}</p>;
    case "code-block":
      return <CodeBlock language={node.language} text={node.text} />;
    case "task":
      return (
        <input
          type="checkbox"
          checked={node.checked}
          disabled
          aria-label={node.checked ? "Done" : "Not done"}
          className="mr-2 align-middle"
        />
      );
    case "element":
      return <Element node={node} />;
  }
}

/** The classes each element gets; the tags are the only ones the parser produces. */
const CLASSES: Partial<Record<MdElement["tag"], string>> = {
  h3: "font-semibold",
  h4: "font-semibold",
  h5: "font-semibold",
  h6: "font-semibold",
  ul: "grid list-disc gap-1 pl-6",
  ol: "grid list-decimal gap-1 pl-6",
  blockquote: "grid gap-3 border-l-4 pl-4 text-muted-foreground",
  code: "rounded bg-muted px-1 py-0.5 font-mono text-[0.9em]",
  strong: "font-semibold",
  del: "line-through",
  th: "border px-3 py-1.5 font-semibold",
  td: "border px-3 py-1.5",
  a: "text-primary underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-ring",
};

const ALIGN = { left: "text-left", center: "text-center", right: "text-right" } as const;

function Element({ node }: { node: MdElement }) {
  const children = node.children.length > 0 ? <Nodes nodes={node.children} /> : undefined;
  if (node.tag === "table") {
    return (
      // Focusable so a keyboard can scroll a wide table sideways.
      <div tabIndex={0} className="min-w-0 overflow-x-auto focus-visible:outline-2 focus-visible:outline-ring">
        <table className="w-max border-collapse text-sm">{children}</table>
      </div>
    );
  }
  if (node.tag === "hr" || node.tag === "br") return createElement(node.tag);
  const className = [CLASSES[node.tag], node.align && ALIGN[node.align]].filter(Boolean).join(" ") || undefined;
  if (node.tag === "a") {
    return (
      <a href={node.href} target="_blank" rel="noopener noreferrer nofollow" className={className}>
        {children}
      </a>
    );
  }
  return createElement(node.tag, { className, start: node.tag === "ol" ? node.start : undefined }, children);
}
