"use client";

import type { ChatOnFinishCallback, UIMessage } from "ai";
import Link from "next/link";
import { Fragment, lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { site } from "@/config/site";
import { ApiRequestError, messageOf } from "@/lib/client/api";
import { chatErrorMessage } from "@/lib/chat/client/errors";
import { stopAnswer } from "@/lib/chat/client/stop";
import { answerMetadata, textOf } from "@/lib/chat/types";
import { AnswerActions } from "./answer-actions";
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
 * conversation continues that stored chat. Stop tells the server how much of the answer was shown, which it keeps.
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
  // The chat's id once the answer asked for last has started; a Stop waits for it (a new chat has none before).
  const answerStarted = useRef<Promise<string | null>>(Promise.resolve(null));
  const [conversation] = useState(() => ({
    chatId: () => chatIdRef.current,
    model: () => modelRef.current,
    onAnswer: (started: Promise<string | null>) => {
      answerStarted.current = started;
      void started.then((id) => {
        if (id) chatIdRef.current = id;
      });
    },
  }));
  // Set by the Stop button, so that the engine's abort that follows is told from the page going away.
  const stopRequested = useRef(false);
  const [stopping, setStopping] = useState(false);
  const [stopFailure, setStopFailure] = useState<string | null>(null);
  // Answers stopped since the page loaded (stored ones say so in their metadata).
  const [stoppedHere, setStoppedHere] = useState<ReadonlySet<string>>(new Set());
  const takePending = useCallback(() => {
    const text = pending.current;
    pending.current = null;
    return text;
  }, []);

  const [draft, setDraft] = useState("");
  const busy = snapshot.status === "submitted" || snapshot.status === "streaming" || stopping;

  // A question the API refused (the plan's limit, say) goes back into the box, to send again once the alert allows.
  const refused = snapshot.error instanceof ApiRequestError;
  useEffect(() => {
    if (!refused) return;
    const question = controls.current?.withdraw();
    if (question) setDraft((current) => current || question);
  }, [refused]);
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

  const onFinish: ChatOnFinishCallback<UIMessage> = ({ message, isAbort }) => {
    if (isAbort && stopRequested.current) {
      setStoppedHere((ids) => new Set(ids).add(message.id));
      return void endStopped(message);
    }
    const id = chatIdRef.current;
    if (!id) return;
    listAnswered(message);
    follow(id);
  };

  /** Lists the chat an answer went to, as its stream described it: one request per question, none to list it. */
  function listAnswered(message: UIMessage) {
    const chat = answerMetadata(message).chat;
    if (chat) list.answered(chat);
    else void list.refresh();
  }

  /** The address bar and the title follow the chat an answer went to, unless the user has moved on. */
  function follow(id: string) {
    if (!mounted.current) return;
    setChatId(id);
    if (window.location.pathname !== `/chat/${id}`) window.history.replaceState(null, "", `/chat/${id}`);
  }

  /**
   * After Stop: once the answer has started (its chat named), tells the server how much of it was shown, which it
   * stores as the answer; the chat is then listed and titled from its reply. The next question waits till then.
   */
  async function endStopped(message: UIMessage) {
    stopRequested.current = false;
    setStopping(true);
    const id = await answerStarted.current;
    try {
      if (!id) return;
      const result = await stopAnswer(id, textOf(message).length);
      if (result.stopped) list.answered(result.chat);
      else listAnswered(message);
      follow(id);
    } catch (failure) {
      setStopFailure(messageOf(failure));
    } finally {
      setStopping(false);
    }
  }

  function send(text: string) {
    stopRequested.current = false;
    setStopFailure(null);
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

  /** Asks the newest answer's question again, as a new question (the stored chat keeps both answers). */
  function regenerate() {
    const question = snapshot.messages.findLast((message) => message.role === "user");
    if (question) send(textOf(question));
  }

  function stop() {
    if (stopping) return;
    if (controls.current) {
      stopRequested.current = true;
      return controls.current.stop();
    }
    // Stopped before the engine arrived: the question is not sent at all.
    pending.current = null;
    setSnapshot((current) => ({
      ...current,
      messages: current.messages.filter((message) => message.id !== PENDING_ID),
      status: "ready",
    }));
  }

  const problem = snapshot.error ? chatErrorMessage(snapshot.error) : stopFailure;
  const quotaSpent = snapshot.error instanceof ApiRequestError && snapshot.error.code === "QUOTA_EXCEEDED";
  function dismissProblem() {
    controls.current?.clearError();
    setStopFailure(null);
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
            {snapshot.messages.map((message, index) => {
              const newest = index === snapshot.messages.length - 1;
              return (
                <Fragment key={message.id}>
                  <ChatMessage message={message} />
                  {/* The newest answer's row waits for it to end. */}
                  {message.role === "assistant" && !(newest && busy) && (
                    <AnswerActions
                      text={textOf(message)}
                      stopped={answerMetadata(message).stopped === true || stoppedHere.has(message.id)}
                      onRegenerate={newest ? regenerate : undefined}
                    />
                  )}
                </Fragment>
              );
            })}
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
      {problem && (
        <div className="mx-auto w-full max-w-3xl px-4">
          <div role="alert" className="flex items-start gap-3 rounded-md border border-destructive bg-card p-3 text-sm">
            <p className="flex-1 text-destructive">
              {problem}
              {quotaSpent && site.upgradePath && (
                <>
                  {" "}
                  <Link href={site.upgradePath} className="font-medium underline underline-offset-4">
                    See the plans
                  </Link>
                </>
              )}
            </p>
            <Button variant="ghost" size="sm" onClick={dismissProblem}>
              Dismiss
            </Button>
          </div>
        </div>
      )}
      <Composer
        draft={draft}
        onDraftChange={setDraft}
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
