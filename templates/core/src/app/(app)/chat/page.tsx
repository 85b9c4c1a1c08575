import type { Metadata } from "next";
import { NewConversation } from "@/components/chat/new-conversation";
import { modelChoices } from "@/lib/chat/server/model-choices";

export const metadata: Metadata = { title: "Chat" };

export default function NewChatPage() {
  const { models, initialModel } = modelChoices();
  return <NewConversation models={models} initialModel={initialModel} />;
}
