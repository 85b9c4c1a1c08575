import { describe, expect, it } from "vitest";
import { endpoint } from "@/lib/api/endpoint";
import { call, signUp, type TestUser } from "@/test/requests";
import { GET, POST } from "./route";

const whoAmI = endpoint({}, async ({ caller }) => ({ userId: caller.userId }));

async function createKey(user: TestUser, body: object = { name: "ci" }) {
  const response = await call(POST, { method: "POST", as: user, body });
  expect(response.status).toBe(201);
  return (await response.json()) as {
    id: string;
    key: string;
    name: string | null;
    start: string;
    expiresAt: string | null;
  };
}

describe("/api/keys", () => {
  it("creates a key, shown once, that authenticates as its creator", async () => {
    const user = await signUp();
    const created = await createKey(user);
    expect(created).toMatchObject({ id: expect.any(String), name: "ci", key: expect.any(String), expiresAt: null });
    expect(created.key.startsWith(created.start)).toBe(true);

    const asKey = await call(whoAmI, { headers: { authorization: `Bearer ${created.key}` } });
    expect(await asKey.json()).toEqual({ userId: user.id });
  });

  it("lists the caller's keys, newest first, with how to recognise them but never the key", async () => {
    const [owner, stranger] = [await signUp(), await signUp()];
    const first = await createKey(owner, { name: "first" });
    const second = await createKey(owner, { name: "second" });
    await createKey(stranger);

    const response = await call(GET, { as: owner });
    const text = await response.text();
    const keys = JSON.parse(text);
    expect(keys.map((key: { id: string }) => key.id)).toEqual([second.id, first.id]);
    expect(Object.keys(keys[0]).sort()).toEqual([
      "createdAt",
      "expiresAt",
      "id",
      "lastUsedAt",
      "name",
      "prefix",
      "start",
    ]);
    expect(keys[0]).toMatchObject({ name: "second", start: second.start, lastUsedAt: null });
    expect(text).not.toContain(first.key);
    expect(text).not.toContain(second.key);
  });

  it("records when a key was last used", async () => {
    const user = await signUp();
    const created = await createKey(user);
    await call(whoAmI, { headers: { "x-api-key": created.key } });
    const [listed] = await (await call(GET, { as: user })).json();
    expect(listed.lastUsedAt).toEqual(expect.any(String));
  });

  it("lets a key expire after expiresIn seconds", async () => {
    const user = await signUp();
    const before = Date.now();
    const created = await createKey(user, { expiresIn: 7 * 24 * 60 * 60 });
    const expiresAt = new Date(created.expiresAt!).getTime();
    expect(expiresAt - before).toBeGreaterThanOrEqual(7 * 24 * 60 * 60 * 1000 - 1000);
    expect(expiresAt - before).toBeLessThan(7 * 24 * 60 * 60 * 1000 + 60_000);
  });

  it("names each invalid field", async () => {
    const user = await signUp();
    const response = await call(POST, { method: "POST", as: user, body: { name: "a\u0000b", expiresIn: 60 } });
    expect(response.status).toBe(400);
    const { code, details } = await response.json();
    expect(code).toBe("INVALID_REQUEST");
    expect(Object.keys(details.fields).sort()).toEqual(["expiresIn", "name"]);
  });

  it("creates keys only from a session: an API key may list them but not mint more", async () => {
    const user = await signUp();
    const { key } = await createKey(user);

    const minted = await call(POST, { method: "POST", headers: { "x-api-key": key }, body: { name: "more" } });
    expect(minted.status).toBe(403);
    expect((await minted.json()).code).toBe("FORBIDDEN");
    const listed = await call(GET, { headers: { authorization: `Bearer ${key}` } });
    expect((await listed.json()).length).toBe(1);
  });

  it("answers 401 without credentials", async () => {
    expect((await call(GET)).status).toBe(401);
    expect((await call(POST, { method: "POST", body: {} })).status).toBe(401);
  });
});
