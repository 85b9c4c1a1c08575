"use client";

import { createElement, useMemo, useState } from "react";
import { type Block, type Inline, parseMarkdown } from "@/lib/chat/markdown";

/**
 * An answer's Markdown as React elements. Every piece of text goes through React as text, never as HTML, so nothing
 * an answer contains can become markup on the page.
 */
export function Markdown({ text }: { text: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className="grid min-w-0 gap-3 leading-relaxed break-words">
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </div>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case "paragraph":
      return (
        <p>
          <Inlines nodes={block.children} />
        </p>
      );
    case "heading":
      // The page has its h1 (and the empty state its h2): an answer's headings sit below them.
      return createElement(
        `h${Math.min(block.level + 2, 6)}`,
        { className: "font-semibold" },
        <Inlines nodes={block.children} />,
      );
    case "code":
      return <CodeBlock language={block.language} text={block.text} />;
    case "list": {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <Inlines nodes={item} />
        </li>
      ));
      return block.ordered ? (
        <ol start={block.start} className="grid list-decimal gap-1 pl-6">
          {items}
        </ol>
      ) : (
        <ul className="grid list-disc gap-1 pl-6">{items}</ul>
      );
    }
    case "quote":
      return (
        <blockquote className="grid gap-3 border-l-4 pl-4 text-muted-foreground">
          {block.children.map((child, index) => (
            <BlockView key={index} block={child} />
          ))}
        </blockquote>
      );
    case "rule":
      return <hr />;
  }
}

function Inlines({ nodes }: { nodes: Inline[] }) {
  return nodes.map((node, index) => <InlineView key={index} node={node} />);
}

function InlineView({ node }: { node: Inline }) {
  switch (node.type) {
    case "text":
      return node.text;
    case "break":
      return <br />;
    case "code":
      return <code className="rounded bg-muted px-1 py-0.5 font-mono text-[0.9em]">{node.text}</code>;
    case "strong":
      return (
        <strong className="font-semibold">
          <Inlines nodes={node.children} />
        </strong>
      );
    case "em":
      return (
        <em>
          <Inlines nodes={node.children} />
        </em>
      );
    case "link":
      return (
        <a
          href={node.href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-primary underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-ring"
        >
          <Inlines nodes={node.children} />
        </a>
      );
  }
}

function CodeBlock({ language, text }: { language: string; text: string }) {
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2000);
  }

  return (
    <div className="min-w-0 overflow-hidden rounded-md border bg-muted">
      <div className="flex items-center justify-between border-b px-3 py-1 text-xs text-muted-foreground">
        <span>{language || "code"}</span>
        <button
          type="button"
          onClick={() => void copy()}
          className="rounded px-1.5 py-0.5 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        >
          {copied === "copied" ? "Copied" : copied === "failed" ? "Could not copy" : "Copy code"}
        </button>
      </div>
      {/* Focusable so a keyboard can scroll a long line sideways. */}
      <pre
        tabIndex={0}
        className="overflow-x-auto p-3 font-mono text-sm focus-visible:outline-2 focus-visible:outline-ring"
      >
        <code>{text}</code>
      </pre>
    </div>
  );
}
