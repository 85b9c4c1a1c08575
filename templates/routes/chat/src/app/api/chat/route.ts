import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { ApiError, notFound } from "@/lib/api/errors";
import { assertFitsContext, incomingMessage, titleFrom, toTurn } from "@/lib/ai/messages";
import { resolveModel } from "@/lib/ai/models";
import { streamAnswer } from "@/lib/ai/stream";
import { findChat, newChatId, recordExchange } from "@/lib/chats/store";

const chatRequest = z.object({
  messages: z.array(incomingMessage).min(1),
  model: z.string().min(1).optional(),
  chatId: z.string().min(1).optional(),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: endpoint({ body: chatRequest }, async ({ caller, body }) => {
    const model = resolveModel(body.model);
    const sent = body.messages.map(toTurn);
    if (sent.at(-1)?.role !== "user") {
      throw new ApiError("INVALID_REQUEST", "The last message must be the user's.", {
        fields: { messages: "The last message must have the role user" },
      });
    }
    // A new chat starts from what the client sent; an existing one from what is stored, plus the new question, so a
    // client cannot rewrite a chat's history.
    const existing = body.chatId ? await findChat(caller.userId, body.chatId) : null;
    if (body.chatId && !existing) throw notFound("chat");
    const newTurns = existing ? sent.slice(-1) : sent;
    const history = (existing?.messages ?? []).map(({ role, content }) => ({ role, content }));
    const turns = [...history, ...newTurns];
    assertFitsContext(turns, model);

    const chatId = existing?.id ?? newChatId();
    return streamAnswer({
      model,
      turns,
      headers: { "X-Chat-Id": chatId },
      onFinish: (answer) =>
        recordExchange({
          chatId,
          userId: caller.userId,
          newChat: existing ? null : { title: titleFrom(sent), model: model.id },
          turns: newTurns,
          answer,
        }),
    });
  }),
});
