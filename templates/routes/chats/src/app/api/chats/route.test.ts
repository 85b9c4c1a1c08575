import { describe, expect, it } from "vitest";
import { createChat } from "@/test/factories";
import { call, signUp } from "@/test/requests";
import { GET } from "./route";

describe("GET /api/chats", () => {
  it("lists only the caller's chats, newest first", async () => {
    const [alice, bob] = [await signUp(), await signUp()];
    const older = await createChat(alice.id, { title: "older", updatedAt: new Date("2026-01-01") });
    const newer = await createChat(alice.id, { title: "newer", updatedAt: new Date("2026-02-01") });
    await createChat(bob.id, { title: "bob's" });

    const response = await call(GET, { as: alice, path: "/api/chats" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.map((chat: { id: string }) => chat.id)).toEqual([newer.id, older.id]);
    expect(Object.keys(body[0]).sort()).toEqual(["createdAt", "id", "model", "title", "updatedAt"]);
  });

  it("pages through a long list with limit and the X-Next-Cursor header", async () => {
    const user = await signUp();
    for (let day = 1; day <= 5; day++)
      await createChat(user.id, { title: `day ${day}`, updatedAt: new Date(2026, 0, day) });

    const titles: string[] = [];
    let path = "/api/chats?limit=2";
    for (;;) {
      const response = await call(GET, { as: user, path });
      titles.push(...(await response.json()).map((chat: { title: string }) => chat.title));
      const cursor = response.headers.get("x-next-cursor");
      if (!cursor) break;
      path = `/api/chats?limit=2&cursor=${cursor}`;
    }
    expect(titles).toEqual(["day 5", "day 4", "day 3", "day 2", "day 1"]);
  });

  it("refuses a limit out of range and a cursor it did not make", async () => {
    const user = await signUp();
    const tooMany = await call(GET, { as: user, path: "/api/chats?limit=101" });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).details.fields).toHaveProperty("limit");
    const forged = await call(GET, { as: user, path: "/api/chats?cursor=bm9wZQ" });
    expect((await forged.json()).details.fields).toHaveProperty("cursor");
  });

  it("refuses a hand-made, altered or NUL-laden cursor with 400, never a 500", async () => {
    const user = await signUp();
    for (let day = 1; day <= 3; day++) await createChat(user.id, { updatedAt: new Date(2026, 0, day) });
    const issued = (await call(GET, { as: user, path: "/api/chats?limit=1" })).headers.get("x-next-cursor")!;
    const [, signature] = issued.split(".");
    const handMade = [
      Buffer.from(`${Date.now()}:${crypto.randomUUID()}`).toString("base64url"),
      `${Buffer.from("99999999999999999999:x").toString("base64url")}.${signature}`,
      `${Buffer.from("1:a\u0000b").toString("base64url")}.${signature}`,
      `${issued}%00`,
      `${issued.slice(0, 5)}${issued[5] === "x" ? "y" : "x"}${issued.slice(6)}`,
    ];
    for (const cursor of handMade) {
      const response = await call(GET, { as: user, path: `/api/chats?cursor=${cursor}` });
      expect(response.status, cursor).toBe(400);
      expect(await response.json()).toMatchObject({
        code: "INVALID_REQUEST",
        details: { fields: { cursor: expect.any(String) } },
      });
    }
    expect((await call(GET, { as: user, path: `/api/chats?cursor=${issued}` })).status).toBe(200);
  });

  it("answers 401 without credentials", async () => {
    expect((await call(GET, { path: "/api/chats" })).status).toBe(401);
  });
});
