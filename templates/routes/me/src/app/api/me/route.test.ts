import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { call, signUp } from "@/test/requests";
import { GET, POST } from "./route";

describe("/api/me", () => {
  it("answers the caller with their plan, counted against the rate limit", async () => {
    const user = await signUp();
    const response = await call(GET, { as: user });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: user.id,
      email: user.email,
      plan: { id: "free", name: "Free", requestsPerMinute: 10 },
    });
    expect(response.headers.get("x-ratelimit-limit")).toBe("10");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("9");
  });

  it("shows the plan billing set", async () => {
    const user = await signUp();
    await db.update(users).set({ plan: "pro" }).where(eq(users.id, user.id));
    const body = await (await call(GET, { as: user })).json();
    expect(body.plan).toEqual({ id: "pro", name: "Pro", requestsPerMinute: 100 });
    expect((await call(GET, { as: user })).headers.get("x-ratelimit-limit")).toBe("100");
  });

  it("needs a signed-in caller", async () => {
    expect((await call(GET)).status).toBe(401);
    expect((await call(POST, { method: "POST" })).status).toBe(405);
  });
});
