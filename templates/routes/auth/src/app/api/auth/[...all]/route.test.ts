import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AUTH_BODY_LIMIT } from "@/lib/auth/auth-request";
import { authPluginServerOnlyPaths } from "@/lib/auth/plugins";
import { env } from "@/lib/env";
import { SIGN_IN_FAILURES_PER_ACCOUNT } from "@/lib/ratelimit/failures";
import { signUp } from "@/test/requests";
import { GET, POST } from "./route";

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request(new URL(`/api/auth${path}`, env.APP_URL), {
      method: "POST",
      headers: { "content-type": "application/json", origin: env.APP_URL, ...headers },
      body,
    }),
  );
}

describe("/api/auth", () => {
  it("answers 413 at once to a declared Content-Length over the limit, without waiting for the body", async () => {
    const neverEnding = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":"a@b.c"'));
      },
    });
    const response = await POST(
      new Request(new URL("/api/auth/sign-up/email", env.APP_URL), {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(64 * 1024 * 1024) },
        body: neverEnding,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a sign-up body over the limit with 413, and an over-long name with 400 naming it", async () => {
    const email = `user-${randomUUID()}@example.com`;
    const huge = JSON.stringify({ email, password: "a long enough password", name: "x".repeat(AUTH_BODY_LIMIT) });
    expect((await post("/sign-up/email", huge)).status).toBe(413);

    const longName = await post(
      "/sign-up/email",
      JSON.stringify({ email, password: "a long enough password", name: "x".repeat(101) }),
    );
    expect(longName.status).toBe(400);
    expect(await longName.json()).toMatchObject({
      code: "INVALID_REQUEST",
      error: "name must be at most 100 characters.",
    });
  });

  it("limits failed sign-ins per account, whatever address each attempt claims", async () => {
    const user = await signUp();
    const wrongPassword = (attempt: number) =>
      post("/sign-in/email", JSON.stringify({ email: user.email.toUpperCase(), password: "not the password" }), {
        "x-forwarded-for": `203.0.113.${attempt}`,
      });
    for (let attempt = 0; attempt < SIGN_IN_FAILURES_PER_ACCOUNT.max; attempt++) {
      expect((await wrongPassword(attempt)).status).toBe(401);
    }
    const refused = await wrongPassword(99);
    expect(refused.status).toBe(429);
    expect((await refused.json()).code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    const rightPassword = await post(
      "/sign-in/email",
      JSON.stringify({ email: user.email, password: "a long enough password" }),
    );
    expect(rightPassword.status).toBe(429);
  });

  it("counts form-encoded sign-ins like JSON ones: a locked account stays locked whatever the body's type", async () => {
    const user = await signUp();
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const formSignIn = (password: string) =>
      post("/sign-in/email", new URLSearchParams({ email: user.email, password }).toString(), form);
    for (let attempt = 0; attempt < SIGN_IN_FAILURES_PER_ACCOUNT.max; attempt++) {
      expect((await formSignIn("not the password")).status).toBe(401);
    }
    expect((await formSignIn("a long enough password")).status).toBe(429);
  });

  it("holds form-encoded fields to the same limits, and refuses any other body type with 415", async () => {
    const longName = await post(
      "/sign-up/email",
      new URLSearchParams({
        email: `user-${randomUUID()}@example.com`,
        password: "a long enough password",
        name: "x".repeat(60_000),
      }).toString(),
      { "content-type": "application/x-www-form-urlencoded" },
    );
    expect([longName.status, (await longName.json()).code]).toEqual([400, "INVALID_REQUEST"]);
    for (const type of ["text/plain", "multipart/form-data; boundary=x", "application/xml"]) {
      const refused = await post("/sign-in/email", '{"email":"a@b.c","password":"x"}', { "content-type": type });
      expect([refused.status, (await refused.json()).code], type).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    }
  });

  it("answers 404 in the error shape to the endpoints only the app's own code calls, signed in or not", async () => {
    const user = await signUp();
    for (const path of ["/list-sessions", ...authPluginServerOnlyPaths]) {
      for (const cookie of [user.cookie, ""]) {
        const url = new URL(`/api/auth${path}`, env.APP_URL);
        const headers = { "content-type": "application/json", origin: env.APP_URL, cookie };
        const replies = [
          await GET(new Request(url, { headers })),
          await POST(new Request(url, { method: "POST", headers, body: "{}" })),
        ];
        for (const reply of replies) {
          expect([reply.status, await reply.json()], path).toEqual([
            404,
            { error: expect.any(String), code: "NOT_FOUND", details: {}, message: expect.any(String) },
          ]);
        }
      }
    }
  });
});
