import { endpoint, methods } from "@/lib/api/endpoint";
import { notFound } from "@/lib/api/errors";
import { deleteChat, findChat } from "@/lib/chats/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller, params }) => {
    const chat = await findChat(caller.userId, params.id);
    if (!chat) throw notFound("chat");
    return chat;
  }),
  DELETE: endpoint({}, async ({ caller, params }) => {
    if (!(await deleteChat(caller.userId, params.id))) throw notFound("chat");
    return { success: true };
  }),
});
