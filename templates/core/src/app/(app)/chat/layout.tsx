import type { ReactNode } from "react";
import { ChatListProvider } from "@/components/chat/chat-list-provider";
import { ChatSidebar } from "@/components/chat/chat-sidebar";
import { requireUser } from "@/lib/auth/page-session";
import { listChats } from "@/lib/chat/server/store";

/**
 * The chat pages: the list of chats beside (on a phone, above) the open conversation, filling the window under the top
 * bar. The first page of the list is read from the store here, so it is there on the first paint; the list then lives
 * in the browser, which refreshes it after each answer, rename and delete, across moves between chats.
 */
export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const { chats, nextCursor } = await listChats(user.id, { limit: 50 });
  const initial = {
    chats: chats.map((chat) => ({
      ...chat,
      createdAt: chat.createdAt.toISOString(),
      updatedAt: chat.updatedAt.toISOString(),
    })),
    nextCursor,
  };
  return (
    <ChatListProvider initial={initial}>
      <div className="flex h-[calc(100dvh-var(--app-header-height)-1px)] min-h-0 flex-col md:flex-row">
        <ChatSidebar />
        {children}
      </div>
    </ChatListProvider>
  );
}
