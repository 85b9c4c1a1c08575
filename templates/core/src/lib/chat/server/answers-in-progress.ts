import type { AnswerInProgress } from "@/lib/chat/server/stream";

/**
 * Answers still being written, by chat, in this server process. An answer whose client went away is still written to
 * the end and stored, so a question asked meanwhile waits for it: it then continues the chat as stored, rather than
 * finding a new chat missing or racing the previous answer into the history. The user's Stop ends an answer at once.
 *
 * With several instances of the app, a Stop that reaches another instance than the one writing the answer finds
 * nothing to stop: that answer is written to the end and stored whole, as if the user had only closed the page.
 */
const inProgress = new Map<string, { userId: string; answer: AnswerInProgress }>();

/** Records the user's answer in progress in `chatId` until it settles. */
export function answerInProgress(chatId: string, userId: string, answer: AnswerInProgress): void {
  const entry = { userId, answer };
  inProgress.set(chatId, entry);
  void answer.settled.finally(() => {
    if (inProgress.get(chatId) === entry) inProgress.delete(chatId);
  });
}

/** Settles once the answer in progress in `chatId`, if any, is done with. */
export async function previousAnswer(chatId: string): Promise<void> {
  await inProgress.get(chatId)?.answer.settled;
}

/**
 * Stops the user's answer in progress in `chatId`, storing the first `shown` characters of it, marked stopped. False
 * when there is none to stop here: it has finished (and is stored whole), or it is not this user's.
 */
export async function stopAnswer(userId: string, chatId: string, shown: number): Promise<boolean> {
  const entry = inProgress.get(chatId);
  if (!entry || entry.userId !== userId) return false;
  return entry.answer.stop(shown);
}
