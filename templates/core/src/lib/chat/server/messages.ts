import { z } from "zod";
import { chatConfig } from "@/config/chat";
import { ApiError } from "@/lib/api/errors";
import { storedText } from "@/lib/api/validation";
import type { ModelConfig } from "@/lib/ai/models";

/**
 * The roles a client may send. `system` is not one: the system prompt is the app's (src/config/chat.ts). An
 * `assistant` message is only ever the client's copy of an earlier answer; the route never passes it on.
 */
const role = z.enum(["user", "assistant"], {
  error: "must be user (or assistant, for an earlier answer); the system prompt is the app's",
});

/**
 * A message as the AI SDK's `useChat` sends it (parts), or as a plain `{ role, content }` pair; all its text must be
 * storable, so that a message the database would refuse is a 400 before the answer starts, not a lost exchange.
 */
export const incomingMessage = z
  .object({
    role,
    content: storedText().optional(),
    parts: z.array(z.looseObject({ type: z.string(), text: storedText().optional() })).optional(),
  })
  .refine((message) => message.content !== undefined || message.parts !== undefined, {
    message: "needs content or parts",
  });

export type IncomingMessage = z.output<typeof incomingMessage>;

/** One message of a conversation, as the model is given it and as it is stored. */
export interface ChatTurn {
  role: z.output<typeof role>;
  content: string;
}

/** A message's text: its content, or its text parts joined (files, tool calls and the like carry no text). */
export function toTurn(message: IncomingMessage): ChatTurn {
  const content =
    message.content ??
    (message.parts ?? []).flatMap((part) => (part.type === "text" && part.text ? [part.text] : [])).join("");
  return { role: message.role, content };
}

/** A chat's title: its first user message on one line, cut at 80 characters (never inside one, such as an emoji). */
export function titleFrom(turns: readonly ChatTurn[]): string {
  const first =
    turns
      .find((turn) => turn.role === "user")
      ?.content.replace(/\s+/g, " ")
      .trim() || "New chat";
  const characters = Array.from(first);
  return characters.length > 80 ? `${characters.slice(0, 79).join("")}…` : first;
}

/**
 * Refuses a conversation that, with the system prompt, cannot fit the model's context window with room for the
 * answer. Tokens are estimated at four characters each (plus a few per message), which errs towards refusing over
 * letting the provider fail.
 */
export function assertFitsContext(turns: readonly ChatTurn[], model: ModelConfig): void {
  const estimatedTokens = [chatConfig.systemPrompt, ...turns.map((turn) => turn.content)].reduce(
    (sum, text) => sum + Math.ceil(text.length / 4) + 4,
    0,
  );
  const limit = model.contextTokens - model.maxOutputTokens;
  if (estimatedTokens > limit) {
    throw new ApiError("CONTEXT_TOO_LONG", `The conversation is too long for ${model.id}.`, {
      estimatedTokens,
      limit,
      model: model.id,
    });
  }
}
