import type { Metadata } from "next";
import { NewConversation } from "@/components/chat/new-conversation";
import { modelChoices } from "@/lib/chat/models";

export const metadata: Metadata = { title: "Chat" };

export default function NewChatPage() {
  const { models, initialModel } = modelChoices();
  return <NewConversation models={models} initialModel={initialModel} />;
}
