import { endpoint, methods } from "@/lib/api/endpoint";
import { notFound } from "@/lib/api/errors";
import { listMessages } from "@/lib/chats/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller, params }) => {
    const messages = await listMessages(caller.userId, params.id);
    if (!messages) throw notFound("chat");
    return messages;
  }),
});
