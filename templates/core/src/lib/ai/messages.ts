import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { ModelConfig } from "./models";

const role = z.enum(["system", "user", "assistant"]);

/** A message as the AI SDK's `useChat` sends it (parts), or as a plain `{ role, content }` pair. */
export const incomingMessage = z.union([
  z.object({ role, content: z.string() }),
  z.object({
    role,
    parts: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
  }),
]);

export type IncomingMessage = z.output<typeof incomingMessage>;

export interface ChatTurn {
  role: z.output<typeof role>;
  content: string;
}

/** A message's text: its content, or its text parts joined (files, tool calls and the like carry no text). */
export function toTurn(message: IncomingMessage): ChatTurn {
  const content =
    "content" in message
      ? message.content
      : message.parts.flatMap((part) => (part.type === "text" && part.text ? [part.text] : [])).join("");
  return { role: message.role, content };
}

/** A chat's title: its first user message on one line, cut at 80 characters. */
export function titleFrom(turns: readonly ChatTurn[]): string {
  const first = turns.find((turn) => turn.role === "user")?.content.replace(/\s+/g, " ").trim() || "New chat";
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

/**
 * Refuses a conversation that cannot fit the model's context window with room for the answer. Tokens are estimated
 * at four characters each (plus a few per message), which errs towards refusing over letting the provider fail.
 */
export function assertFitsContext(turns: readonly ChatTurn[], model: ModelConfig): void {
  const estimatedTokens = turns.reduce((sum, turn) => sum + Math.ceil(turn.content.length / 4) + 4, 0);
  const limit = model.contextTokens - model.maxOutputTokens;
  if (estimatedTokens > limit) {
    throw new ApiError("CONTEXT_TOO_LONG", `The conversation is too long for ${model.id}.`, {
      estimatedTokens,
      limit,
      model: model.id,
    });
  }
}
