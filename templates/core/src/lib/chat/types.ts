import type { UIMessage } from "ai";
import type { RenderedAnswer } from "./markdown";

/** A chat as GET /api/chats lists it (dates as the JSON has them). */
export interface ChatSummary {
  id: string;
  title: string;
  model: string;
  createdAt: string;
  updatedAt: string;
}

/** A stored message as the API returns it. */
export interface StoredMessage {
  id: string;
  role: string;
  content: string;
}

/** Stored messages as `useChat` holds them: one text part each; other roles (none today) are not shown. */
export function toUIMessages(messages: readonly StoredMessage[]): UIMessage[] {
  return messages.flatMap((message): UIMessage[] =>
    message.role === "user" || message.role === "assistant"
      ? [{ id: message.id, role: message.role, parts: [{ type: "text", text: message.content }] }]
      : [],
  );
}

/** The text of a message: its text parts, joined. */
export function textOf(message: UIMessage): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/** An answer as the server parsed it for the page (see rendered-answers.ts), if it did. */
export function renderedOf(message: UIMessage): RenderedAnswer | undefined {
  return (message.metadata as { rendered?: RenderedAnswer } | undefined)?.rendered;
}
