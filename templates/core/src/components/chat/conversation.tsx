"use client";

import type { UIMessage } from "ai";
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { chatErrorMessage } from "@/lib/chat/errors";
import type { ChatControls, ChatSnapshot } from "./chat-engine";
import { useChatList } from "./chat-list-provider";
import { ChatMessage } from "./chat-message";
import { Composer } from "./composer";
import { EmptyState } from "./empty-state";

/*
 * The engine (the AI SDK and zod, about 100 kB compressed) is fetched when the user shows they are about to ask: on
 * focusing the question box or reaching for a suggestion. Until then the page is plain React, so opening a chat to
 * read it costs no more than any other page; a question asked before the engine arrived is sent as soon as it has.
 */
const ChatEngine = lazy(() => import("./chat-engine"));

/** The id of a question shown while the engine is on its way. */
const PENDING_ID = "pending";

interface ConversationProps {
  /** The stored chat being continued; absent for a new chat. */
  chatId?: string;
  title?: string;
  initialMessages?: UIMessage[];
  models: string[];
  initialModel: string | undefined;
}

/**
 * One chat: its messages, the answer streaming in, and the question box. A new chat gets its id from the server's
 * first answer; from then on the address is /chat/<id> (replaced in place, so the stream and the page stay) and the
 * conversation continues that stored chat.
 */
export function Conversation({
  chatId: storedId,
  title,
  initialMessages = [],
  models,
  initialModel,
}: ConversationProps) {
  const list = useChatList();
  const [chatId, setChatId] = useState(storedId ?? null);
  const [model, setModel] = useState(initialModel);
  const [engineWanted, setEngineWanted] = useState(false);
  const [snapshot, setSnapshot] = useState<ChatSnapshot>({
    messages: initialMessages,
    status: "ready",
    error: undefined,
  });
  const controls = useRef<ChatControls>(null);
  const pending = useRef<string | null>(null);
  // The engine's transport reads these when it sends, which may be before React re-renders with the new state.
  const chatIdRef = useRef(chatId);
  const modelRef = useRef(model);
  const [conversation] = useState(() => ({
    chatId: () => chatIdRef.current,
    model: () => modelRef.current,
    onChatId: (id: string) => {
      chatIdRef.current = id;
    },
  }));
  const takePending = useCallback(() => {
    const text = pending.current;
    pending.current = null;
    return text;
  }, []);

  const busy = snapshot.status === "submitted" || snapshot.status === "streaming";
  const shownTitle = list.chats.find((chat) => chat.id === chatId)?.title ?? title ?? "New chat";
  const wantEngine = () => setEngineWanted(true);

  // An answer that ends after the user moved on (a new chat, another chat) is listed but takes no address bar over.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  function onFinish() {
    const id = chatIdRef.current;
    if (!id) return;
    void list.refresh(id);
    if (!mounted.current) return;
    setChatId(id);
    if (window.location.pathname !== `/chat/${id}`) window.history.replaceState(null, "", `/chat/${id}`);
  }

  function send(text: string) {
    if (controls.current) return controls.current.send(text);
    // Shown at once; the engine replaces it with its own copy when it sends it.
    pending.current = text;
    setSnapshot((current) => ({
      messages: [...current.messages, { id: PENDING_ID, role: "user", parts: [{ type: "text", text }] }],
      status: "submitted",
      error: undefined,
    }));
    wantEngine();
  }

  function stop() {
    if (controls.current) return controls.current.stop();
    // Stopped before the engine arrived: the question is not sent at all.
    pending.current = null;
    setSnapshot((current) => ({
      ...current,
      messages: current.messages.filter((message) => message.id !== PENDING_ID),
      status: "ready",
    }));
  }

  function changeModel(next: string) {
    modelRef.current = next;
    setModel(next);
  }

  return (
    <main aria-labelledby="chat-title" className="flex min-h-0 min-w-0 flex-1 flex-col">
      {engineWanted && (
        <Suspense>
          <ChatEngine
            initialMessages={initialMessages}
            conversation={conversation}
            controls={controls}
            onSnapshot={setSnapshot}
            onFinish={onFinish}
            takePending={takePending}
          />
        </Suspense>
      )}
      <div className="border-b px-4 py-3">
        <h1 id="chat-title" className="mx-auto max-w-3xl truncate font-semibold">
          {shownTitle}
        </h1>
      </div>
      <MessageScroller messages={snapshot.messages} busy={busy}>
        {snapshot.messages.length === 0 ? (
          <EmptyState onPick={send} onReach={wantEngine} disabled={busy} />
        ) : (
          <ol className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-6">
            {snapshot.messages.map((message) => (
              <ChatMessage key={message.id} message={message} />
            ))}
            {snapshot.status === "submitted" && (
              <li className="text-muted-foreground" aria-hidden="true">
                Thinking…
              </li>
            )}
          </ol>
        )}
      </MessageScroller>
      <p role="status" className="sr-only">
        {busy ? "Answering…" : ""}
      </p>
      {snapshot.error && (
        <div className="mx-auto w-full max-w-3xl px-4">
          <div role="alert" className="flex items-start gap-3 rounded-md border border-destructive bg-card p-3 text-sm">
            <p className="flex-1 text-destructive">{chatErrorMessage(snapshot.error)}</p>
            <Button variant="ghost" size="sm" onClick={() => controls.current?.clearError()}>
              Dismiss
            </Button>
          </div>
        </div>
      )}
      <Composer
        busy={busy}
        onSend={send}
        onStop={stop}
        onFocus={wantEngine}
        models={models}
        model={model}
        onModelChange={changeModel}
      />
    </main>
  );
}

interface MessageScrollerProps {
  messages: UIMessage[];
  busy: boolean;
  children: ReactNode;
}

/** The scrolling message area; it follows a streaming answer unless the reader has scrolled up to read. */
function MessageScroller({ messages, busy, children }: MessageScrollerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useEffect(() => {
    const scroller = ref.current;
    if (scroller && following.current) scroller.scrollTop = scroller.scrollHeight;
  }, [messages, busy]);

  return (
    <div
      ref={ref}
      role="region"
      aria-label="Messages"
      // Focusable so a keyboard can scroll the conversation.
      tabIndex={0}
      onScroll={(event) => {
        const scroller = event.currentTarget;
        following.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
      }}
      className="flex min-h-0 flex-1 flex-col overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
    >
      {children}
    </div>
  );
}
