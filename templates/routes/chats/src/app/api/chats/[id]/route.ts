import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { notFound } from "@/lib/api/errors";
import { deleteChat, findChat, renameChat } from "@/lib/chats/store";

const renameBody = z.object({ title: z.string().trim().min(1).max(200) });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller, params }) => {
    const chat = await findChat(caller.userId, params.id);
    if (!chat) throw notFound("chat");
    return chat;
  }),
  PATCH: endpoint({ body: renameBody }, async ({ caller, params, body }) => {
    const chat = await renameChat(caller.userId, params.id, body.title);
    if (!chat) throw notFound("chat");
    return chat;
  }),
  DELETE: endpoint({}, async ({ caller, params }) => {
    if (!(await deleteChat(caller.userId, params.id))) throw notFound("chat");
    return { success: true };
  }),
});
