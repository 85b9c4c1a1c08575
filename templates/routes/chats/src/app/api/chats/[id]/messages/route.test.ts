import { describe, expect, it } from "vitest";
import { createChat } from "@/test/factories";
import { call, signUp } from "@/test/requests";
import { GET } from "./route";

describe("GET /api/chats/[id]/messages", () => {
  it("returns the chat's messages, oldest first", async () => {
    const user = await signUp();
    const chat = await createChat(user.id, { contents: ["one", "two", "three"] });

    const response = await call(GET, { as: user, params: { id: chat.id } });
    expect(response.status).toBe(200);
    expect((await response.json()).map((message: { content: string }) => message.content)).toEqual([
      "one",
      "two",
      "three",
    ]);
  });

  it("answers 401 without credentials", async () => {
    const response = await call(GET, { params: { id: crypto.randomUUID() } });
    expect(response.status).toBe(401);
  });
});
