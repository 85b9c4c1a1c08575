/**
 * Answers still being written, by chat, in this server process. An answer is stored when the model finishes it, even
 * after the user pressed Stop, so a question asked right away waits for the one before it: it then continues the chat
 * as stored, rather than finding a new chat missing or racing the previous answer into the history.
 */
const inProgress = new Map<string, Promise<void>>();

/** Records that `chatId` has an answer in progress until `settled` settles (it must never reject). */
export function answerInProgress(chatId: string, settled: Promise<void>): void {
  inProgress.set(chatId, settled);
  void settled.finally(() => {
    if (inProgress.get(chatId) === settled) inProgress.delete(chatId);
  });
}

/** Settles once the answer in progress in `chatId`, if any, is done with. */
export async function previousAnswer(chatId: string): Promise<void> {
  await inProgress.get(chatId);
}
