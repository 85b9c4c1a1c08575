"use client";

import { Button } from "@/components/ui/button";
import { useCopy } from "./use-copy";

interface AnswerActionsProps {
  /** The answer's text, as the model wrote it (its Markdown). */
  text: string;
  /** The user stopped the answer: it is what they were shown of it. */
  stopped: boolean;
  /** Asks the answer's question again; only the newest answer offers it. */
  onRegenerate?(): void;
}

/** The row under an answer: whether it was stopped, a button that copies it, and one that asks its question again. */
export function AnswerActions({ text, stopped, onRegenerate }: AnswerActionsProps) {
  const { copy, label } = useCopy(text);

  return (
    // Pulled left by the buttons' padding, so that the row lines up with the answer.
    <li className="-mt-4 -ml-3 flex flex-wrap items-center gap-1 text-muted-foreground">
      {stopped && <span className="px-3 text-sm">Stopped</span>}
      <Button variant="ghost" size="sm" onClick={copy} aria-live="polite">
        {label("Copy")}
      </Button>
      {onRegenerate && (
        <Button variant="ghost" size="sm" onClick={onRegenerate}>
          Regenerate
        </Button>
      )}
    </li>
  );
}
