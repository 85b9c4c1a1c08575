"use client";

import { type ReactNode, useEffect, useState } from "react";
import { useCopy } from "./use-copy";

/**
 * A code block with a copy button. Its colours come once it is on screen, from a highlighter fetched then (only for
 * the languages it knows, and code of a reasonable size); until then, and for anything else, it is plain text.
 */
export function CodeBlock({ language, text }: { language: string; text: string }) {
  const { copy, label } = useCopy(text);
  const highlighted = useHighlighted(language, text);

  return (
    <div className="min-w-0 overflow-hidden rounded-md border bg-muted">
      <div className="flex items-center justify-between border-b px-3 py-1 text-xs text-muted-foreground">
        <span>{language || "code"}</span>
        <button
          type="button"
          onClick={copy}
          className="rounded px-1.5 py-0.5 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        >
          {label("Copy code")}
        </button>
      </div>
      {/* Focusable so a keyboard can scroll a long line sideways. */}
      <pre
        tabIndex={0}
        className="overflow-x-auto p-3 font-mono text-sm focus-visible:outline-2 focus-visible:outline-ring"
      >
        <code data-highlighted={highlighted ? "" : undefined}>{highlighted ?? text}</code>
      </pre>
    </div>
  );
}

function useHighlighted(language: string, text: string): ReactNode | undefined {
  const [highlighted, setHighlighted] = useState<{ text: string; nodes: ReactNode }>();
  useEffect(() => {
    let current = true;
    void import("@/lib/chat/client/highlight").then(async ({ highlight }) => {
      const nodes = await highlight(language, text);
      if (current && nodes) setHighlighted({ text, nodes });
    });
    return () => {
      current = false;
    };
  }, [language, text]);
  return highlighted?.text === text ? highlighted.nodes : undefined;
}
