"use client";

import { useChatList } from "./chat-list-provider";
import { Conversation } from "./conversation";

/** A fresh conversation, started over each time the user asks for a new chat (the page itself may stay mounted). */
export function NewConversation({ models, initialModel }: { models: string[]; initialModel: string | undefined }) {
  const { newChatKey } = useChatList();
  return <Conversation key={newChatKey} models={models} initialModel={initialModel} />;
}
