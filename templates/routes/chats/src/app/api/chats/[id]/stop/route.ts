import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { parseInput } from "@/lib/api/validation";
import { stopAnswer } from "@/lib/chat/server/answers-in-progress";
import { chatPath } from "@/lib/chat/server/input";
import { findChatSummary } from "@/lib/chat/server/store";

const stopBody = z.object({
  /** How much of the answer the client showed the user, in characters as JavaScript counts them (UTF-16 units). */
  shown: z.number().int().min(0),
});

/**
 * The user's Stop: the chat's answer in progress is cut off at once, and what they were shown of it is stored,
 * marked stopped, before this answers with the chat as the list shows it. Nothing in progress (it finished, or another
 * instance of the app is writing it): `{ stopped: false }`. Not counted against the rate limit: the answer's own
 * request was.
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: endpoint({ body: stopBody, counted: false }, async ({ caller, params, body }) => {
    const { id } = parseInput(chatPath, params, "path");
    if (!(await stopAnswer(caller.userId, id, body.shown))) return { stopped: false };
    return { stopped: true, chat: await findChatSummary(caller.userId, id) };
  }),
});
