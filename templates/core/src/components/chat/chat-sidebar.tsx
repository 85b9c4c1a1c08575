"use client";

import { ChevronDownIcon, PencilIcon, PlusIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useId, useState } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { ChatSummary } from "@/lib/chat/types";
import { cn } from "@/lib/ui/cn";
import { useChatList } from "./chat-list-provider";
import { DeleteChatDialog, RenameChatDialog } from "./chat-dialogs";

/**
 * The user's chats: a column beside the conversation on a wide screen, a list to open and close above it on a phone.
 * Each chat can be opened, renamed and deleted; older ones come a page at a time.
 */
export function ChatSidebar() {
  const { chats, nextCursor, error, loadingMore, refresh, loadMore, startNewChat } = useChatList();
  const pathname = usePathname();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [renaming, setRenaming] = useState<ChatSummary | null>(null);
  const [deleting, setDeleting] = useState<ChatSummary | null>(null);

  return (
    <nav aria-label="Chats" className="flex shrink-0 flex-col border-b md:w-72 md:border-r md:border-b-0">
      <div className="flex items-center gap-2 p-3">
        <Link
          href="/chat"
          onClick={() => {
            startNewChat();
            setOpen(false);
          }}
          className={buttonVariants({ size: "sm", className: "flex-1" })}
        >
          <PlusIcon />
          New chat
        </Link>
        <Button
          variant="outline"
          size="sm"
          className="md:hidden"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((isOpen) => !isOpen)}
        >
          Your chats
          <ChevronDownIcon className={cn("transition-transform", open && "rotate-180")} />
        </Button>
      </div>
      <div
        id={listId}
        className={cn(
          "max-h-[50dvh] min-h-0 flex-col gap-2 overflow-y-auto px-3 pb-3 md:flex md:max-h-none md:flex-1",
          open ? "flex" : "hidden",
        )}
      >
        {error && (
          <div role="alert" className="grid gap-2 rounded-md border border-destructive p-3 text-sm">
            <p className="text-destructive">{error}</p>
            <Button variant="outline" size="sm" onClick={() => void refresh()}>
              Try again
            </Button>
          </div>
        )}
        {chats.length === 0 && !error ? (
          <p className="px-2 py-1 text-sm text-muted-foreground">Your chats will be listed here.</p>
        ) : (
          <ul className="grid grid-cols-1 gap-0.5">
            {chats.map((chat) => (
              <ChatListItem
                key={chat.id}
                chat={chat}
                current={pathname === `/chat/${chat.id}`}
                onOpen={() => setOpen(false)}
                onRename={() => setRenaming(chat)}
                onDelete={() => setDeleting(chat)}
              />
            ))}
          </ul>
        )}
        {nextCursor && (
          <Button variant="ghost" size="sm" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? "Loading…" : "Load more"}
          </Button>
        )}
      </div>
      <RenameChatDialog chat={renaming} onClose={() => setRenaming(null)} />
      <DeleteChatDialog chat={deleting} onClose={() => setDeleting(null)} />
    </nav>
  );
}

interface ChatListItemProps {
  chat: ChatSummary;
  current: boolean;
  onOpen(): void;
  onRename(): void;
  onDelete(): void;
}

function ChatListItem({ chat, current, onOpen, onRename, onDelete }: ChatListItemProps) {
  return (
    <li className={cn("group flex items-center gap-1 rounded-md pr-1", current ? "bg-muted" : "hover:bg-muted")}>
      {/* Not prefetched: a long list would spend the page budget (src/lib/ratelimit/page-views.ts) on chats never opened. */}
      <Link
        href={`/chat/${chat.id}`}
        prefetch={false}
        onClick={onOpen}
        aria-current={current ? "page" : undefined}
        title={chat.title}
        className={cn(
          "min-w-0 flex-1 truncate rounded-md px-2 py-2 text-sm",
          "focus-visible:outline-2 focus-visible:outline-ring",
          current && "font-medium",
        )}
      >
        {chat.title}
      </Link>
      <IconAction label={`Rename ${chat.title}`} tip="Rename" onClick={onRename}>
        <PencilIcon />
      </IconAction>
      <IconAction label={`Delete ${chat.title}`} tip="Delete" onClick={onDelete}>
        <Trash2Icon />
      </IconAction>
    </li>
  );
}

/** An icon button named for screen readers, with a tooltip saying the same in a word on hover and focus. */
function IconAction({
  label,
  tip,
  onClick,
  children,
}: {
  label: string;
  tip: string;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="size-8 text-muted-foreground"
          aria-label={label}
          onClick={onClick}
        >
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent>{tip}</TooltipContent>
    </Tooltip>
  );
}
