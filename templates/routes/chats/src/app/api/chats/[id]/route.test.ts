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

    const renamed = await call(PATCH, { method: "PATCH", as: owner, params: { id: chat.id }, body: { title: " Trip " } });
    expect(await renamed.json()).toMatchObject({ id: chat.id, title: "Trip" });
    const theirs = await call(PATCH, { method: "PATCH", as: stranger, params: { id: chat.id }, body: { title: "Mine" } });
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

  it("never deletes another user's chat", async () => {
    const [owner, stranger] = [await signUp(), await signUp()];
    const chat = await createChat(owner.id);

    expect((await call(DELETE, { method: "DELETE", as: stranger, params: { id: chat.id } })).status).toBe(404);
    expect((await call(GET, { as: owner, params: { id: chat.id } })).status).toBe(200);
  });
});
