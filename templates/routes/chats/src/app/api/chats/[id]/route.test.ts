import { describe, expect, it } from "vitest";
import { createChat } from "@/test/factories";
import { call, signUp } from "@/test/requests";
import { GET as getMessages } from "./messages/route";
import { DELETE, GET, PATCH } from "./route";

describe("/api/chats/[id]", () => {
  it("returns the caller's chat with its messages, oldest first", async () => {
    const user = await signUp();
    const chat = await createChat(user.id, { title: "Plans", contents: ["hello", "hi there"] });

    const response = await call(GET, { as: user, params: { id: chat.id } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: chat.id, title: "Plans", model: "test-model" });
    expect(body.messages.map((message: { role: string; content: string }) => [message.role, message.content])).toEqual([
      ["user", "hello"],
      ["assistant", "hi there"],
    ]);
    expect(Object.keys(body.messages[0]).sort()).toEqual([
      "chatId",
      "content",
      "createdAt",
      "id",
      "inputTokens",
      "outputTokens",
      "role",
      "stopped",
    ]);
  });

  it("answers 404 for another user's chat, exactly as for a chat that does not exist", async () => {
    const [owner, stranger] = [await signUp(), await signUp()];
    const chat = await createChat(owner.id);

    const theirs = await call(GET, { as: stranger, params: { id: chat.id } });
    const missing = await call(GET, { as: stranger, params: { id: crypto.randomUUID() } });
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
    expect((await call(getMessages, { as: stranger, params: { id: chat.id } })).status).toBe(404);
  });

  it("renames the caller's chat, and only the caller's", async () => {
    const [owner, stranger] = [await signUp(), await signUp()];
    const chat = await createChat(owner.id, { title: "Untitled" });

    const renamed = await call(PATCH, {
      method: "PATCH",
      as: owner,
      params: { id: chat.id },
      body: { title: " Trip " },
    });
    expect(await renamed.json()).toMatchObject({ id: chat.id, title: "Trip" });
    const theirs = await call(PATCH, {
      method: "PATCH",
      as: stranger,
      params: { id: chat.id },
      body: { title: "Mine" },
    });
    expect(theirs.status).toBe(404);
    const empty = await call(PATCH, { method: "PATCH", as: owner, params: { id: chat.id }, body: { title: "" } });
    expect((await empty.json()).details.fields).toHaveProperty("title");
  });

  it("deletes the caller's chat and its messages", async () => {
    const user = await signUp();
    const chat = await createChat(user.id, { contents: ["bye"] });

    const response = await call(DELETE, { method: "DELETE", as: user, params: { id: chat.id } });
    expect(await response.json()).toEqual({ success: true });
    expect((await call(GET, { as: user, params: { id: chat.id } })).status).toBe(404);
    expect((await call(getMessages, { as: user, params: { id: chat.id } })).status).toBe(404);
  });

  it("deletes a chat once under concurrent deletes: one 200, the others 404", async () => {
    const user = await signUp();
    const chat = await createChat(user.id, { contents: ["a", "b"] });

    const responses = await Promise.all(
      Array.from({ length: 8 }, () => call(DELETE, { method: "DELETE", as: user, params: { id: chat.id } })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 404, 404, 404, 404, 404, 404, 404]);
  });

  it("refuses a chat id or title with a NUL or other control character with 400 naming the field", async () => {
    const user = await signUp();
    const chat = await createChat(user.id);

    for (const handler of [GET, DELETE, getMessages]) {
      const response = await call(handler, { as: user, params: { id: "a\u0000b" } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: "INVALID_REQUEST",
        details: { fields: { id: expect.any(String) } },
      });
    }
    const renamed = await call(PATCH, {
      method: "PATCH",
      as: user,
      params: { id: chat.id },
      body: { title: "a\u0000b" },
    });
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).details.fields).toHaveProperty("title");
    const escaped = await call(PATCH, {
      method: "PATCH",
      as: user,
      params: { id: chat.id },
      body: { title: "\u001b[2J" },
    });
    expect(escaped.status).toBe(400);
  });

  it("never deletes another user's chat", async () => {
    const [owner, stranger] = [await signUp(), await signUp()];
    const chat = await createChat(owner.id);

    expect((await call(DELETE, { method: "DELETE", as: stranger, params: { id: chat.id } })).status).toBe(404);
    expect((await call(GET, { as: owner, params: { id: chat.id } })).status).toBe(200);
  });
});
