import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it, vi } from "vitest";
import { call, signUp, type TestUser } from "@/test/requests";
import { POST as chat } from "../../../chat/route";
import { GET as listChats } from "../../route";
import { GET as readChat } from "../route";
import { finishAnswer, startAnswer } from "@/test/model-stream";

/** Settles the answer in progress: its provider finishes with "and they lived happily ever after." */
let completeAnswer = () => {};

/** A provider that says "Once upon a time, " and then holds until the test finishes the answer or it is aborted. */
const model = new MockLanguageModelV4({
  doStream: async ({ abortSignal }) => ({
    stream: new ReadableStream({
      start(controller) {
        startAnswer(controller, "Once upon a time, ");
        abortSignal?.addEventListener("abort", () => controller.error(abortSignal.reason));
        completeAnswer = () => {
          controller.enqueue({ type: "text-delta", id: "t", delta: "and they lived happily ever after." });
          finishAnswer(controller, 12);
        };
      },
    }),
  }),
});

vi.mock("@/lib/ai/provider", () => ({ languageModel: () => model }));

const { POST: stop } = await import("./route");

/** Starts an answer in a new chat of the user's and stops reading it, as a browser does on Stop; returns the chat id. */
async function answerInProgress(user: TestUser): Promise<string> {
  const response = await call(chat, {
    method: "POST",
    as: user,
    body: { messages: [{ role: "user", content: "A story?" }] },
  });
  await response.body!.cancel();
  return response.headers.get("X-Chat-Id")!;
}

function stopAs(user: TestUser | undefined, chatId: string, body: object = { shown: 4 }) {
  return call(stop, { method: "POST", as: user, params: { id: chatId }, body });
}

async function storedMessages(user: TestUser, chatId: string) {
  return (await (await call(readChat, { as: user, params: { id: chatId } })).json()).messages;
}

describe("POST /api/chats/[id]/stop", () => {
  it("aborts the answer, stores what was shown marked stopped, and answers with the chat for the list", async () => {
    const user = await signUp();
    const chatId = await answerInProgress(user);

    const response = await stopAs(user, chatId, { shown: "Once".length });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      stopped: true,
      chat: {
        id: chatId,
        title: "A story?",
        model: expect.any(String),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    });
    expect(model.doStreamCalls.at(-1)?.abortSignal?.aborted).toBe(true);
    expect(await storedMessages(user, chatId)).toMatchObject([
      { role: "user", content: "A story?", stopped: false },
      { role: "assistant", content: "Once", stopped: true, inputTokens: null, outputTokens: null },
    ]);
  });

  it("stops only the caller's own answers: another user's Stop changes nothing", async () => {
    const owner = await signUp();
    const chatId = await answerInProgress(owner);

    const stranger = await stopAs(await signUp(), chatId);
    expect(await stranger.json()).toEqual({ stopped: false });
    completeAnswer();
    await vi.waitFor(async () =>
      expect(await storedMessages(owner, chatId)).toMatchObject([
        { role: "user" },
        { role: "assistant", content: "Once upon a time, and they lived happily ever after.", stopped: false },
      ]),
    );
    expect(await (await stopAs(owner, chatId)).json()).toEqual({ stopped: false });
  });

  it("is not counted against the rate limit: it shows the window and works with the limit spent", async () => {
    const user = await signUp();
    const chatId = await answerInProgress(user);
    for (let request = 2; request <= 10; request++) await call(listChats, { as: user });

    const response = await stopAs(user, chatId);
    expect(response.status).toBe(200);
    expect(response.headers.get("X-RateLimit-Limit")).toBe("10");
    expect(response.headers.get("X-RateLimit-Remaining")).toBe("0");
    expect((await call(listChats, { as: user })).status).toBe(429);
  });

  it("answers 401 without credentials and 400 for a count that is not a whole number from 0", async () => {
    expect((await stopAs(undefined, "any")).status).toBe(401);
    const user = await signUp();
    for (const shown of [-1, 1.5, "3", null]) {
      const response = await stopAs(user, "any", { shown });
      expect(response.status).toBe(400);
      expect((await response.json()).details.fields).toHaveProperty("shown");
    }
  });
});
