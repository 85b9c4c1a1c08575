import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { ApiError, notFound } from "@/lib/api/errors";
import { assertFitsContext, incomingMessage, titleFrom, toTurn, type ChatTurn } from "@/lib/chat/server/messages";
import { resolveModel } from "@/lib/ai/models";
import { streamAnswer } from "@/lib/chat/server/stream";
import { answerInProgress, previousAnswer } from "@/lib/chat/server/answers-in-progress";
import { chatIdInput } from "@/lib/chat/server/input";
import { findChat, newChatId, recordExchange } from "@/lib/chat/server/store";
import { assertWithinQuota } from "@/lib/usage/quota";
import { addTokens } from "@/lib/usage/store";
import { tokensSpent } from "@/lib/usage/tokens";

const chatRequest = z.object({
  messages: z.array(incomingMessage).min(1),
  model: z.string().min(1).max(200).optional(),
  chatId: chatIdInput.optional(),
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
    // An existing chat continues from what is stored plus the new question: whatever else the client sends (useChat
    // sends its whole copy) is ignored, so a client cannot rewrite a chat's history. A new chat is only the user's.
    if (body.chatId) await previousAnswer(body.chatId);
    const existing = body.chatId ? await findChat(caller.userId, body.chatId) : null;
    if (body.chatId && !existing) throw notFound("chat");
    if (!existing) assertOnlyUserTurns(sent);
    const newTurns = existing ? sent.slice(-1) : sent;
    // An answer stopped before it showed anything tells the model nothing, and some providers refuse an empty turn.
    const history = (existing?.messages ?? []).flatMap(({ role, content }): ChatTurn[] =>
      role === "user" || (role === "assistant" && content) ? [{ role, content }] : [],
    );
    const turns = [...history, ...newTurns];
    assertFitsContext(turns, model);
    // The month's AI allowance: refused once spent; the answer's tokens are added to it when it ends.
    const period = await assertWithinQuota(caller);

    const chatId = existing?.id ?? newChatId();
    const now = new Date();
    // The chat as the list will show it once this answer is stored: the page lists it from this, asking nothing more.
    const listed = existing
      ? { id: existing.id, title: existing.title, model: existing.model, createdAt: existing.createdAt, updatedAt: now }
      : { id: chatId, title: titleFrom(sent), model: model.id, createdAt: now, updatedAt: now };
    return streamAnswer({
      model,
      turns,
      headers: { "X-Chat-Id": chatId },
      metadata: { chat: listed },
      onStart: (answer) => answerInProgress(chatId, caller.userId, answer),
      onFinish: async (answer) => {
        // One after the other: SQLite takes one writer at a time, and the exchange is its own transaction.
        await recordExchange({
          chatId,
          userId: caller.userId,
          newChat: existing ? null : { title: titleFrom(sent), model: model.id },
          turns: newTurns,
          answer,
        });
        await addTokens(caller.userId, period, tokensSpent(answer, turns));
      },
    });
  }),
});

/** A new chat's messages are all the user's: an answer the client made up never reaches the model or the database. */
function assertOnlyUserTurns(turns: readonly ChatTurn[]): void {
  const fields: Record<string, string> = {};
  turns.forEach((turn, index) => {
    if (turn.role !== "user") fields[`messages.${index}.role`] = "A new chat takes only user messages";
  });
  if (Object.keys(fields).length > 0) {
    throw new ApiError("INVALID_REQUEST", "A new chat starts from the user's messages only.", { fields });
  }
}
