"use client";

import { usePathname, useRouter } from "next/navigation";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { apiResponse, callApi, messageOf } from "@/lib/client/api";
import type { ChatSummary } from "@/lib/chat/types";

interface ChatPage {
  chats: ChatSummary[];
  nextCursor: string | null;
}

interface ChatList extends ChatPage {
  /** Why the list could not be loaded, if it could not. */
  error: string | null;
  loadingMore: boolean;
  /** Reloads the first page. */
  refresh(): Promise<void>;
  /** Lists a chat that was just answered, as the API returned it, first: no request, no wait. */
  answered(chat: ChatSummary): void;
  loadMore(): Promise<void>;
  /** Renames a chat; throws an ApiRequestError with the API's message. */
  rename(id: string, title: string): Promise<void>;
  /** Deletes a chat (leaving it for a new chat if it is open); throws an ApiRequestError with the API's message. */
  remove(id: string): Promise<void>;
  /** Changes whenever the user starts a new chat, so the new-chat page starts afresh even if it is already open. */
  newChatKey: number;
  startNewChat(): void;
}

const ChatListContext = createContext<ChatList | null>(null);

async function fetchPage(cursor?: string): Promise<ChatPage> {
  const response = await apiResponse(cursor ? `/api/chats?cursor=${encodeURIComponent(cursor)}` : "/api/chats");
  return { chats: (await response.json()) as ChatSummary[], nextCursor: response.headers.get("X-Next-Cursor") };
}

/** The user's chats, newest first, shared by the chat list and the open conversation (which adds to it). */
export function ChatListProvider({ initial, children }: { initial: ChatPage; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [page, setPage] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [newChatKey, setNewChatKey] = useState(0);

  const refresh = useCallback(async () => {
    try {
      setPage(await fetchPage());
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (!page.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await fetchPage(page.nextCursor);
      setPage((current) => ({
        chats: [...current.chats, ...next.chats.filter((chat) => !current.chats.some((known) => known.id === chat.id))],
        nextCursor: next.nextCursor,
      }));
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setLoadingMore(false);
    }
  }, [page.nextCursor]);

  const answered = useCallback((chat: ChatSummary) => {
    setPage((current) => ({ ...current, chats: [chat, ...current.chats.filter((known) => known.id !== chat.id)] }));
  }, []);

  const startNewChat = useCallback(() => setNewChatKey((key) => key + 1), []);

  const rename = useCallback(async (id: string, title: string) => {
    const renamed = await callApi<ChatSummary>(`/api/chats/${encodeURIComponent(id)}`, {
      method: "PATCH",
      json: { title },
    });
    setPage((current) => ({ ...current, chats: current.chats.map((chat) => (chat.id === id ? renamed : chat)) }));
  }, []);

  const remove = useCallback(
    async (id: string) => {
      await callApi(`/api/chats/${encodeURIComponent(id)}`, { method: "DELETE" });
      setPage((current) => ({ ...current, chats: current.chats.filter((chat) => chat.id !== id) }));
      if (pathname === `/chat/${id}`) {
        startNewChat();
        router.push("/chat");
      }
    },
    [pathname, router, startNewChat],
  );

  const value = useMemo(
    () => ({ ...page, error, loadingMore, refresh, answered, loadMore, rename, remove, newChatKey, startNewChat }),
    [page, error, loadingMore, refresh, answered, loadMore, rename, remove, newChatKey, startNewChat],
  );
  return <ChatListContext.Provider value={value}>{children}</ChatListContext.Provider>;
}

export function useChatList(): ChatList {
  const list = useContext(ChatListContext);
  if (!list) throw new Error("useChatList needs a ChatListProvider around it (the chat layout has it)");
  return list;
}
