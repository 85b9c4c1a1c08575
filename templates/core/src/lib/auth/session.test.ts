import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { errorResponse } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";
import { signUp, type TestUser } from "@/test/requests";
import { sessionCredential } from "./session";
import { auth } from "./server";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
vi.mock("@/lib/db/reachable", () => ({ assertDatabaseReachable: vi.fn(async () => Promise.reject(refused)) }));

const DAY_MS = 24 * 60 * 60 * 1000;

function requestAs(cookie: string): Request {
  return new Request("http://localhost/api/chats", { headers: { cookie } });
}

async function sessionOf(user: TestUser) {
  const [session] = await db.select().from(sessions).where(eq(sessions.userId, user.id));
  return session!;
}

describe("sessionCredential", () => {
  it("is the signed-in user, their plan and the session", async () => {
    const user = await signUp();
    const caller = await sessionCredential.authenticate(requestAs(user.cookie));
    expect(caller).toEqual({ userId: user.id, email: user.email, plan: "free", sessionId: (await sessionOf(user)).id });
  });

  it("takes a changed plan and a revoked session from the next request on", async () => {
    const user = await signUp();
    await db.update(users).set({ plan: "pro" }).where(eq(users.id, user.id));
    expect((await sessionCredential.authenticate(requestAs(user.cookie)))?.plan).toBe("pro");
    await db.delete(sessions).where(eq(sessions.userId, user.id));
    expect(await sessionCredential.authenticate(requestAs(user.cookie))).toBeUndefined();
  });

  it("refuses a cookie whose signature is not the auth secret's, and a session past its expiry", async () => {
    const user = await signUp();
    const [name, value] = user.cookie.split("=", 2) as [string, string];
    const token = decodeURIComponent(value).split(".")[0];
    expect((await sessionCredential.authenticate(requestAs(`${name}=${value}`)))?.userId).toBe(user.id);
    const forged = `${name}=${encodeURIComponent(`${token}.${Buffer.alloc(32).toString("base64")}`)}`;
    expect(await sessionCredential.authenticate(requestAs(forged))).toBeUndefined();
    expect(await sessionCredential.authenticate(requestAs(`${name}=${token}`))).toBeUndefined();

    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect(await sessionCredential.authenticate(requestAs(user.cookie))).toBeUndefined();
  });

  it("lets Better Auth extend a session a day old, as its own lookup would", async () => {
    const user = await signUp();
    const dayOld = new Date((await sessionOf(user)).expiresAt.getTime() - DAY_MS - 1000);
    await db.update(sessions).set({ expiresAt: dayOld }).where(eq(sessions.userId, user.id));
    expect((await sessionCredential.authenticate(requestAs(user.cookie)))?.userId).toBe(user.id);
    expect((await sessionOf(user)).expiresAt.getTime()).toBeGreaterThan(dayOld.getTime() + DAY_MS / 2);
  });

  it("reports a refresh that failed because the database is down as the outage, a 503", async () => {
    const user = await signUp();
    const dayOld = new Date((await sessionOf(user)).expiresAt.getTime() - DAY_MS - 1000);
    await db.update(sessions).set({ expiresAt: dayOld }).where(eq(sessions.userId, user.id));
    // Better Auth replaces the driver's error with its own "Failed to get session".
    vi.spyOn(auth.api, "getSession").mockRejectedValueOnce(new Error("Failed to get session"));
    const thrown = await sessionCredential.authenticate(requestAs(user.cookie)).catch((error: unknown) => error);
    const response = errorResponse(thrown);
    expect(response.status).toBe(503);
    expect((await response.json()).code).toBe("SERVICE_UNAVAILABLE");
  });
});
