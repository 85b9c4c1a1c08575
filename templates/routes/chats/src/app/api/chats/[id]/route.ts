import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { notFound } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/validation";
import { chatPath, chatTitleInput } from "@/lib/chat/server/input";
import { deleteChat, findChat, renameChat } from "@/lib/chat/server/store";

const renameBody = z.object({ title: chatTitleInput });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller, params }) => {
    const { id } = parseInput(chatPath, params, "path");
    const chat = await findChat(caller.userId, id);
    if (!chat) throw notFound("chat");
    return chat;
  }),
  PATCH: endpoint({ body: renameBody }, async ({ caller, params, body }) => {
    const { id } = parseInput(chatPath, params, "path");
    const chat = await renameChat(caller.userId, id, body.title);
    if (!chat) throw notFound("chat");
    return chat;
  }),
  DELETE: endpoint({}, async ({ caller, params }) => {
    const { id } = parseInput(chatPath, params, "path");
    if (!(await deleteChat(caller.userId, id))) throw notFound("chat");
    return { success: true };
  }),
});
