import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/server";
import { call, signIn, signUp } from "@/test/requests";
import { DELETE } from "./route";

/** The id of the session a Cookie header signs in with; null once it has ended. */
async function sessionIdOf(cookie: string): Promise<string | null> {
  const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
  return session?.session.id ?? null;
}

describe("/api/sessions/[id]", () => {
  it("ends one of the caller's sessions by its id, which signs that device out", async () => {
    const user = await signUp();
    const elsewhere = await signIn(user);
    const id = (await sessionIdOf(elsewhere))!;

    const response = await call(DELETE, { method: "DELETE", as: user, params: { id } });
    expect([response.status, await response.json()]).toEqual([200, { success: true }]);
    expect(await sessionIdOf(elsewhere)).toBeNull();
    expect(await sessionIdOf(user.cookie)).not.toBeNull();
  });

  it("answers 404 for another user's session, which goes on", async () => {
    const [user, stranger] = [await signUp(), await signUp()];
    const id = (await sessionIdOf(stranger.cookie))!;

    const response = await call(DELETE, { method: "DELETE", as: user, params: { id } });
    expect([response.status, (await response.json()).code]).toEqual([404, "NOT_FOUND"]);
    expect(await sessionIdOf(stranger.cookie)).toBe(id);
  });

  it("refuses an id with control characters with 400, before any lookup", async () => {
    const user = await signUp();
    const response = await call(DELETE, { method: "DELETE", as: user, params: { id: "abc\u0000" } });
    expect([response.status, (await response.json()).code]).toEqual([400, "INVALID_REQUEST"]);
  });
});
