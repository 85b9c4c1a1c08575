import type { UIMessage } from "ai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError } from "@/lib/client/api";
import { chatTransport } from "./transport";

const question = (id: string, text: string): UIMessage => ({ id, role: "user", parts: [{ type: "text", text }] });
const answer = (id: string, text: string): UIMessage => ({ id, role: "assistant", parts: [{ type: "text", text }] });

/** Sends `messages` through a transport whose server answers `response`; returns what was sent and what it learnt. */
async function send(messages: UIMessage[], { chatId = null as string | null, response = streamResponse() } = {}) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => response);
  vi.stubGlobal("fetch", fetch);
  const started: Promise<string | null>[] = [];
  const transport = chatTransport({ chatId: () => chatId, model: () => "model-a", onAnswer: (id) => started.push(id) });
  await transport.sendMessages({
    chatId: "local",
    messages,
    trigger: "submit-message",
    messageId: undefined,
    abortSignal: undefined,
  });
  const [url, init] = fetch.mock.calls[0]!;
  return { url, body: JSON.parse(String(init?.body)), learnt: await Promise.all(started) };
}

function streamResponse(headers: Record<string, string> = {}) {
  return new Response('data: {"type":"start"}\n\ndata: [DONE]\n\n', {
    headers: { "content-type": "text/event-stream", ...headers },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("chatTransport", () => {
  it("starts a chat with the user's messages and the picked model, and learns the chat's id", async () => {
    const { url, body, learnt } = await send([question("1", "Hi"), answer("2", "cut off"), question("3", "Again")], {
      response: streamResponse({ "X-Chat-Id": "chat-1" }),
    });
    expect(url).toBe("/api/chat");
    expect(body).toEqual({
      messages: [
        { id: "1", role: "user", parts: [{ type: "text", text: "Hi" }] },
        { id: "3", role: "user", parts: [{ type: "text", text: "Again" }] },
      ],
      model: "model-a",
    });
    expect(learnt).toEqual(["chat-1"]);
  });

  it("continues a stored chat with only the newest question: the server has the rest", async () => {
    const { body } = await send([question("1", "Hi"), answer("2", "Hello"), question("3", "More")], {
      chatId: "chat-1",
    });
    expect(body).toEqual({
      messages: [{ id: "3", role: "user", parts: [{ type: "text", text: "More" }] }],
      model: "model-a",
      chatId: "chat-1",
    });
  });

  it("keeps an answer stopped before it started asked for until its headers name the chat, then closes it", async () => {
    let respond!: (response: Response) => void;
    const fetch = vi.fn<typeof globalThis.fetch>(() => new Promise((resolve) => (respond = resolve)));
    vi.stubGlobal("fetch", fetch);
    let started: Promise<string | null> | undefined;
    const transport = chatTransport({ chatId: () => null, model: () => undefined, onAnswer: (id) => (started = id) });
    const stop = new AbortController();
    const sending = transport.sendMessages({
      chatId: "local",
      messages: [question("1", "Hi")],
      trigger: "submit-message",
      messageId: undefined,
      abortSignal: stop.signal,
    });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());

    stop.abort();
    await expect(sending).rejects.toMatchObject({ name: "AbortError" });
    const connection = fetch.mock.calls[0]![1]!.signal!;
    expect(connection.aborted).toBe(false);
    respond(streamResponse({ "X-Chat-Id": "chat-1" }));
    expect(await started).toBe("chat-1");
    await vi.waitFor(() => expect(connection.aborted).toBe(true));
  });

  it("does not send an answer stopped before it was sent", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => streamResponse());
    vi.stubGlobal("fetch", fetch);
    let started: Promise<string | null> | undefined;
    const transport = chatTransport({ chatId: () => null, model: () => undefined, onAnswer: (id) => (started = id) });
    const sending = transport.sendMessages({
      chatId: "local",
      messages: [question("1", "Hi")],
      trigger: "submit-message",
      messageId: undefined,
      abortSignal: AbortSignal.abort(),
    });

    await expect(sending).rejects.toMatchObject({ name: "AbortError" });
    expect(fetch).not.toHaveBeenCalled();
    expect(await started).toBeNull();
  });

  it("throws the API's own error, so the page can show what the server said", async () => {
    const refused = Response.json(
      { error: "Set OPENAI_API_KEY", code: "NOT_CONFIGURED", details: {} },
      { status: 503 },
    );
    const sent = send([question("1", "Hi")], { response: refused });
    await expect(sent).rejects.toBeInstanceOf(ApiRequestError);
    await expect(sent).rejects.toMatchObject({ message: "Set OPENAI_API_KEY", status: 503, code: "NOT_CONFIGURED" });
  });
});
