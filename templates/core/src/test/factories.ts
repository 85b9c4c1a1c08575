import { db } from "@/lib/db/client";
import { chats, messages } from "@/lib/db/schema";

/** Stores a chat for a user directly, with messages one millisecond apart in the order given. */
export async function createChat(
  userId: string,
  { title = "A chat", updatedAt = new Date(), contents = [] as string[] } = {},
) {
  const [chat] = await db
    .insert(chats)
    .values({ userId, title, model: "test-model", createdAt: updatedAt, updatedAt })
    .returning();
  if (contents.length > 0) {
    await db.insert(messages).values(
      contents.map((content, index) => ({
        chatId: chat!.id,
        role: index % 2 === 0 ? ("user" as const) : ("assistant" as const),
        content,
        createdAt: new Date(updatedAt.getTime() + index),
      })),
    );
  }
  return chat!;
}
