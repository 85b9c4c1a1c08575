import { endpoint, methods } from "@/lib/api/endpoint";
import { notFound } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/validation";
import { chatPath } from "@/lib/chat/server/input";
import { listMessages } from "@/lib/chat/server/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller, params }) => {
    const { id } = parseInput(chatPath, params, "path");
    const messages = await listMessages(caller.userId, id);
    if (!messages) throw notFound("chat");
    return messages;
  }),
});
