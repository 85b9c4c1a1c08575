import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";
import { call, signIn, signUp } from "@/test/requests";
import { GET } from "./route";

describe("/api/sessions", () => {
  it("lists the caller's sessions by id, this one first, and never a session's token", async () => {
    const user = await signUp();
    const elsewhere = await signIn(user);
    await signUp();

    const response = await call(GET, { headers: { cookie: elsewhere } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const listed = JSON.parse(text) as { id: string; current: boolean }[];
    const stored = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(listed.map((session) => session.id).sort()).toEqual(stored.map((session) => session.id).sort());
    expect(listed.map((session) => session.current)).toEqual([true, false]);
    expect(Object.keys(listed[0]!).sort()).toEqual([
      "createdAt",
      "current",
      "id",
      "ipAddress",
      "lastActiveAt",
      "userAgent",
    ]);
    for (const session of stored) expect(text).not.toContain(session.token);
  });

  it("answers 401 without credentials", async () => {
    const response = await call(GET);
    expect([response.status, (await response.json()).code]).toEqual([401, "UNAUTHORIZED"]);
  });
});
