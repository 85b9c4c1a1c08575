import type { UIMessage } from "ai";
import { renderedOf, textOf } from "@/lib/chat/types";
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
      <Markdown text={text} rendered={renderedOf(message)} />
    </li>
  );
}
