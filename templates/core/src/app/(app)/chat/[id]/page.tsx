import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Conversation } from "@/components/chat/conversation";
import { requireUser } from "@/lib/auth/page-session";
import { modelChoices } from "@/lib/chat/server/model-choices";
import { withRenderedAnswers } from "@/lib/chat/rendered-answers";
import { toUIMessages } from "@/lib/chat/types";
import { chatIdInput } from "@/lib/chat/server/input";
import { findChat } from "@/lib/chat/server/store";

export const metadata: Metadata = { title: "Chat" };

/**
 * A stored chat, read straight from the store for the signed-in user (the same ownership rule as GET /api/chats/<id>:
 * another user's chat is not found), so its messages are in the first paint with no request from the browser.
 */
export default async function StoredChatPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = chatIdInput.safeParse((await params).id);
  const chat = id.success ? await findChat(user.id, id.data) : null;
  if (!chat) notFound();
  const { models, initialModel } = modelChoices(chat.model);
  return (
    <Conversation
      key={chat.id}
      chatId={chat.id}
      title={chat.title}
      initialMessages={await withRenderedAnswers(chat.id, toUIMessages(chat.messages))}
      models={models}
      initialModel={initialModel}
    />
  );
}
