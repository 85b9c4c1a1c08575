"use client";

import type { UIMessage } from "ai";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { callApi, messageOf } from "@/lib/client/api";
import { answerMetadata, type StoredMessage, textOf } from "@/lib/chat/types";
import { formatSize } from "@/lib/ui/format-size";
import { Markdown } from "./markdown";

/** One message: the user's as they typed it, in a bubble; the assistant's as rendered Markdown. */
export function ChatMessage({ message }: { message: UIMessage }) {
  const text = textOf(message);
  if (message.role === "user") {
    return (
      <li className="flex justify-end">
        <div className="max-w-[85%] rounded-2xl bg-muted px-4 py-2 break-words whitespace-pre-wrap">
          <span className="sr-only">You said: </span>
          {text}
        </div>
      </li>
    );
  }
  return (
    <li className="min-w-0">
      <span className="sr-only">Assistant: </span>
      <Answer message={message} text={text} />
    </li>
  );
}

/** An answer; one the page carries only the start of says so, and fetches the rest when asked. */
function Answer({ message, text }: { message: UIMessage; text: string }) {
  const { rendered, collapsed } = answerMetadata(message);
  const [whole, setWhole] = useState<string>();
  const [state, setState] = useState<{ loading: boolean; error?: string }>({ loading: false });
  if (whole !== undefined) return <Markdown text={whole} />;
  if (!collapsed) return <Markdown text={text} rendered={rendered} />;

  async function showAll() {
    setState({ loading: true });
    try {
      const messages = await callApi<StoredMessage[]>(`/api/chats/${collapsed!.chatId}/messages`);
      const stored = messages.find((candidate) => candidate.id === message.id);
      if (stored) setWhole(stored.content);
      else setState({ loading: false, error: "This answer is no longer stored." });
    } catch (error) {
      setState({ loading: false, error: messageOf(error) });
    }
  }

  return (
    <div className="grid gap-3">
      <Markdown text={text} rendered={rendered} />
      <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <span>
          Showing the first {formatSize(text.length)} of {formatSize(collapsed.length)}.
        </span>
        <Button variant="outline" size="sm" onClick={() => void showAll()} disabled={state.loading}>
          {state.loading ? "Loading…" : "Show the whole answer"}
        </Button>
        {state.error && <span role="alert">{state.error}</span>}
      </div>
    </div>
  );
}
