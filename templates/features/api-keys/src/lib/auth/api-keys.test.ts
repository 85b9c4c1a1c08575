import { randomInt } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { endpoint } from "@/lib/api/endpoint";
import { db } from "@/lib/db/client";
import { apiKeys, users, verifications } from "@/lib/db/schema";
import { API_KEY_FAILURES_PER_ADDRESS } from "@/lib/ratelimit/failures";
import { call, signUp, type TestUser } from "@/test/requests";
import { auth } from "./server";

const whoAmI = endpoint({}, async ({ caller }) => ({ userId: caller.userId }));

async function createKey(cookie: string) {
  return auth.api.createApiKey({ body: { name: "test" }, headers: new Headers({ cookie }) });
}

const PASSWORD = "a long enough password";
const NEW_PASSWORD = "a brand new long password";

/** Resets the user's password as the mailed link does: the token Better Auth stored for them, then the new password. */
async function resetPassword(user: TestUser) {
  await auth.api.requestPasswordReset({ body: { email: user.email, redirectTo: "/reset-password" } });
  const [verification] = await db
    .select({ identifier: verifications.identifier })
    .from(verifications)
    .where(and(eq(verifications.value, user.id), like(verifications.identifier, "reset-password:%")));
  const token = verification!.identifier.slice("reset-password:".length);
  await auth.api.resetPassword({ body: { newPassword: NEW_PASSWORD, token } });
}

function changePassword(user: TestUser, revokeOtherSessions: boolean) {
  return auth.api.changePassword({
    body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, revokeOtherSessions },
    headers: new Headers({ cookie: user.cookie }),
  });
}

const statusWith = async (key: string) => (await call(whoAmI, { headers: { "x-api-key": key } })).status;

describe("API keys", () => {
  it("authenticate as their owner, as a Bearer token or in x-api-key", async () => {
    const user = await signUp();
    const { key } = await createKey(user.cookie);

    const bearer = await call(whoAmI, { headers: { authorization: `Bearer ${key}` } });
    expect(await bearer.json()).toEqual({ userId: user.id });
    const header = await call(whoAmI, { headers: { "x-api-key": key } });
    expect(await header.json()).toEqual({ userId: user.id });
  });

  it("are stored hashed", async () => {
    const user = await signUp();
    const created = await createKey(user.cookie);
    const listed = await auth.api.listApiKeys({ headers: new Headers({ cookie: user.cookie }) });
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it("answer 401 once revoked, and for a key that never existed", async () => {
    const user = await signUp();
    const created = await createKey(user.cookie);
    await auth.api.deleteApiKey({ body: { keyId: created.id }, headers: new Headers({ cookie: user.cookie }) });

    const revoked = await call(whoAmI, { headers: { authorization: `Bearer ${created.key}` } });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).code).toBe("UNAUTHORIZED");
    const unknown = await call(whoAmI, { headers: { "x-api-key": "not-a-key" } });
    expect(unknown.status).toBe(401);
  });

  it("are not capped by the plugin's own limit of 10 requests a day", async () => {
    const user = await signUp();
    await db.update(users).set({ plan: "enterprise" }).where(eq(users.id, user.id));
    const { key } = await createKey(user.cookie);
    for (let request = 0; request < 12; request++) {
      expect((await call(whoAmI, { headers: { "x-api-key": key } })).status).toBe(200);
    }
  });

  it("refuse an address with 429 once it has sent too many wrong keys, however it labels itself", async () => {
    const address = `198.51.${randomInt(256)}.${randomInt(256)}`;
    const wrongKey = (spoofed: number) =>
      call(whoAmI, {
        headers: { "x-api-key": `wrong-${spoofed}`, "x-forwarded-for": `203.0.113.${spoofed}, ${address}` },
      });
    for (let attempt = 0; attempt < API_KEY_FAILURES_PER_ADDRESS.max; attempt++) {
      expect((await wrongKey(attempt)).status).toBe(401);
    }
    const refused = await wrongKey(99);
    expect(refused.status).toBe(429);
    expect((await refused.json()).code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("stop working once their owner resets a forgotten password, like every session", async () => {
    const [user, bystander] = [await signUp(), await signUp()];
    const [{ key }, { key: otherKey }] = [await createKey(user.cookie), await createKey(bystander.cookie)];
    expect(await statusWith(key)).toBe(200);

    await resetPassword(user);

    expect(await statusWith(key)).toBe(401);
    expect(await statusWith(otherKey)).toBe(200);
  });

  it("stop working when a changed password signs out everywhere else, and stay when it does not", async () => {
    const [kept, revoked] = [await signUp(), await signUp()];
    const [{ key: keptKey }, { key: revokedKey }] = [await createKey(kept.cookie), await createKey(revoked.cookie)];

    await changePassword(kept, false);
    await changePassword(revoked, true);

    expect(await statusWith(keptKey)).toBe(200);
    expect(await statusWith(revokedKey)).toBe(401);
  });

  it("stay when a password change fails", async () => {
    const user = await signUp();
    const { key } = await createKey(user.cookie);
    const wrong = auth.api.changePassword({
      body: { currentPassword: "not the password", newPassword: NEW_PASSWORD, revokeOtherSessions: true },
      headers: new Headers({ cookie: user.cookie }),
    });
    await expect(wrong).rejects.toThrow();
    expect(await statusWith(key)).toBe(200);
  });

  it("answer 401 past their expiry or once disabled", async () => {
    const user = await signUp();
    const expired = await createKey(user.cookie);
    await db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, expired.id));
    expect(await statusWith(expired.key)).toBe(401);
    const disabled = await createKey(user.cookie);
    await db.update(apiKeys).set({ enabled: false }).where(eq(apiKeys.id, disabled.id));
    expect(await statusWith(disabled.key)).toBe(401);
  });

  it("record their last use at most once a minute, not on every request", async () => {
    const user = await signUp();
    const { id, key } = await createKey(user.cookie);
    const lastUsed = async () =>
      (await db.select({ at: apiKeys.lastRequest }).from(apiKeys).where(eq(apiKeys.id, id)))[0]!.at?.getTime();
    expect(await statusWith(key)).toBe(200);
    const first = await lastUsed();
    expect(first).toEqual(expect.any(Number));
    expect(await statusWith(key)).toBe(200);
    expect(await lastUsed()).toBe(first);
    await db
      .update(apiKeys)
      .set({ lastRequest: new Date(first! - 61_000) })
      .where(eq(apiKeys.id, id));
    expect(await statusWith(key)).toBe(200);
    expect(await lastUsed()).toBeGreaterThan(first! - 61_000);
  });
});
