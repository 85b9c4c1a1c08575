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
  /** The user stopped this answer: it is what they were shown of it. */
  stopped?: boolean;
}

/**
 * Stored messages as `useChat` holds them: one text part each, a stopped answer marked in its metadata; other roles
 * (none today) are not shown.
 */
export function toUIMessages(messages: readonly StoredMessage[]): UIMessage[] {
  return messages.flatMap((message): UIMessage[] =>
    message.role === "user" || message.role === "assistant"
      ? [
          {
            id: message.id,
            role: message.role,
            parts: [{ type: "text", text: message.content }],
            ...(message.stopped ? { metadata: { stopped: true } } : {}),
          },
        ]
      : [],
  );
}

/** The text of a message: its text parts, joined. */
export function textOf(message: UIMessage): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/**
 * What the server adds to an answer: the chat page's to a stored one (see rendered-answers.ts), the chat route's to a
 * new one (the chat as the list shows it).
 */
export interface AnswerMetadata {
  /** The chat the answer went to, as GET /api/chats lists it. */
  chat?: ChatSummary;
  /** The answer, parsed. */
  rendered?: RenderedAnswer;
  /** The answer is longer than the page carries: its whole length, and the chat to read it from. */
  collapsed?: { chatId: string; length: number };
  /** The user stopped the answer: it is what they were shown of it. */
  stopped?: boolean;
}

/** What the server added to a stored answer for the page, if anything. */
export function answerMetadata(message: UIMessage): AnswerMetadata {
  return (message.metadata as AnswerMetadata | undefined) ?? {};
}
