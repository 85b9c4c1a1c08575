import type { FinishedAnswer } from "@/lib/chat/server/stream";
import type { ChatTurn } from "@/lib/chat/server/messages";

/** Roughly how many tokens a text is (four characters a token), for what a provider did not count. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The tokens an answer spent: the provider's count of input and output; for an answer it did not count (the user
 * stopped it, or the provider broke off), the question sent and what was generated, estimated.
 */
export function tokensSpent(answer: FinishedAnswer, turns: readonly ChatTurn[]): number {
  const input = answer.usage.inputTokens ?? estimateTokens(turns.map((turn) => turn.content).join("\n"));
  const output = answer.usage.outputTokens ?? estimateTokens(answer.text);
  return input + output;
}
