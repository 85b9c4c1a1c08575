import { describe, expect, it } from "vitest";
import { endpoint } from "@/lib/api/endpoint";
import { call, signUp, type TestUser } from "@/test/requests";
import { GET, POST } from "../route";
import { DELETE } from "./route";

const whoAmI = endpoint({}, async ({ caller }) => ({ userId: caller.userId }));

async function createKey(user: TestUser) {
  const response = await call(POST, { method: "POST", as: user, body: { name: "ci" } });
  return (await response.json()) as { id: string; key: string };
}

describe("/api/keys/[id]", () => {
  it("revokes the caller's key, which is then refused like an unknown one", async () => {
    const user = await signUp();
    const { id, key } = await createKey(user);

    const response = await call(DELETE, { method: "DELETE", as: user, params: { id } });
    expect(await response.json()).toEqual({ success: true });
    const afterwards = await call(whoAmI, { headers: { authorization: `Bearer ${key}` } });
    expect([afterwards.status, (await afterwards.json()).code]).toEqual([401, "UNAUTHORIZED"]);
    expect(await (await call(GET, { as: user })).json()).toEqual([]);
  });

  it("answers 404 for another user's key, exactly as for one that does not exist, and leaves it working", async () => {
    const [owner, stranger] = [await signUp(), await signUp()];
    const { id, key } = await createKey(owner);

    const theirs = await call(DELETE, { method: "DELETE", as: stranger, params: { id } });
    const missing = await call(DELETE, { method: "DELETE", as: stranger, params: { id: "no-such-key" } });
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
    expect((await call(whoAmI, { headers: { "x-api-key": key } })).status).toBe(200);
  });

  it("lets a key revoke itself", async () => {
    const user = await signUp();
    const { id, key } = await createKey(user);
    const response = await call(DELETE, { method: "DELETE", headers: { "x-api-key": key }, params: { id } });
    expect(response.status).toBe(200);
    expect((await call(whoAmI, { headers: { "x-api-key": key } })).status).toBe(401);
  });
});
