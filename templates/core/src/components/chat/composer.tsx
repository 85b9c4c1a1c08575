"use client";

import { type FormEvent, type KeyboardEvent, useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/ui/cn";
import { ModelPicker } from "./model-picker";

interface ComposerProps {
  /** What is typed in the box (the conversation holds it, to give a refused question back). */
  draft: string;
  onDraftChange(text: string): void;
  /** An answer is on its way: Stop replaces Send. */
  busy: boolean;
  onSend(text: string): void;
  onStop(): void;
  /** The box got focus: the user is about to ask. */
  onFocus(): void;
  models: string[];
  model: string | undefined;
  onModelChange(model: string): void;
}

/** The question box: Enter sends, Shift+Enter starts a new line; the model picker and Send (or Stop) below it. */
export function Composer(props: ComposerProps) {
  const { draft: text, onDraftChange: setText, busy, onSend, onStop, onFocus, models, model, onModelChange } = props;
  const id = useId();
  const canSend = !busy && text.trim() !== "";

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    onSend(text.trim());
    setText("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter while an input method is composing picks a candidate; it does not send.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form onSubmit={send} className="mx-auto grid w-full max-w-3xl gap-2 px-4 pt-2 pb-4">
      <label htmlFor={`${id}-message`} className="sr-only">
        Message
      </label>
      <textarea
        id={`${id}-message`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        rows={2}
        placeholder="Ask anything…"
        aria-describedby={`${id}-hint`}
        className={cn(
          "field-sizing-content max-h-48 min-h-16 w-full resize-none rounded-lg border bg-card px-3 py-2 text-foreground",
          "placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
        )}
      />
      <div className="flex flex-wrap items-center gap-2">
        {models.length > 0 && <ModelPicker models={models} model={model} onChange={onModelChange} />}
        <p id={`${id}-hint`} className="hidden flex-1 text-right text-xs text-muted-foreground sm:block">
          Enter to send, Shift+Enter for a new line
        </p>
        {busy ? (
          <Button variant="outline" size="sm" className="ml-auto sm:ml-0" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button type="submit" size="sm" className="ml-auto sm:ml-0" disabled={!canSend}>
            Send
          </Button>
        )}
      </div>
    </form>
  );
}
