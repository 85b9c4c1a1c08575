"use client";

import { useChat } from "@ai-sdk/react";
import type { ChatOnFinishCallback, ChatStatus, UIMessage } from "ai";
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from "react";
import { type ConversationState, chatTransport } from "@/lib/chat/client/transport";
import { textOf } from "@/lib/chat/types";

/** How often, at most, a streaming answer re-renders. */
const THROTTLE_MS = 50;

/** What the conversation shows of the chat: the AI SDK's state, copied out of the engine. */
export interface ChatSnapshot {
  messages: UIMessage[];
  status: ChatStatus;
  error: Error | undefined;
}

/** What the conversation asks of the engine once it is loaded. */
export interface ChatControls {
  send(text: string): void;
  stop(): void;
  clearError(): void;
  /** Takes back the newest question if nothing answered it (the API refused it): its text, or null if there is none. */
  withdraw(): string | null;
}

interface ChatEngineProps {
  initialMessages: UIMessage[];
  conversation: ConversationState;
  controls: Ref<ChatControls>;
  onSnapshot(snapshot: ChatSnapshot): void;
  onFinish: ChatOnFinishCallback<UIMessage>;
  /** The question asked before the engine was loaded, if any; taking it clears it, so it is sent once. */
  takePending(): string | null;
}

/**
 * The AI SDK's `useChat`, rendering nothing. It is loaded on demand (see conversation.tsx): the SDK validates streams
 * with zod, which would more than double the JavaScript a visit to the chat page downloads first.
 */
export default function ChatEngine({
  initialMessages,
  conversation,
  controls,
  onSnapshot,
  onFinish,
  takePending,
}: ChatEngineProps) {
  const [transport] = useState(() => chatTransport(conversation));
  const { messages, status, error, sendMessage, stop, clearError, setMessages } = useChat({
    messages: initialMessages,
    transport,
    onFinish,
    // At most one render per THROTTLE_MS however fast the provider streams: a chunk every 2 ms would otherwise render
    // hundreds of times a second and overflow React's update depth.
    throttle: THROTTLE_MS,
  });

  useImperativeHandle(
    controls,
    () => ({
      send: (text) => void sendMessage({ text }),
      stop: () => void stop(),
      clearError,
      withdraw: () => {
        const question = messages.at(-1);
        if (question?.role !== "user") return null;
        setMessages(messages.slice(0, -1));
        return textOf(question);
      },
    }),
    [sendMessage, stop, clearError, messages, setMessages],
  );
  // The question asked before the engine loaded is sent first (effects run in order), and while it starts the SDK
  // still says "ready" with no messages: that snapshot is held back, or the page would drop the question shown as
  // sent and show Send for a moment, and an Enter in that moment would be lost.
  const startingPending = useRef(false);
  useEffect(() => {
    const pending = takePending();
    if (!pending) return;
    startingPending.current = true;
    void sendMessage({ text: pending });
  }, [sendMessage, takePending]);
  useEffect(() => {
    if (startingPending.current) {
      if (status === "ready") return;
      startingPending.current = false;
    }
    onSnapshot({ messages, status, error });
  }, [messages, status, error, onSnapshot]);
  // Leaving the conversation stops reading its answer; the server finishes and stores it regardless.
  useEffect(() => () => void stop(), [stop]);
  return null;
}
