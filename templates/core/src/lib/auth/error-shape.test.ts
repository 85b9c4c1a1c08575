import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { signUp } from "@/test/requests";
import { inErrorShape } from "./error-shape";
import { auth } from "./server";

const request = (headers: Record<string, string> = {}) =>
  new Request(new URL("/api/auth/sign-up/email", env.APP_URL), { headers });

describe("inErrorShape", () => {
  it("gives Better Auth's errors the API's shape, keeping its code and the message its client reads", async () => {
    const user = await signUp();
    const wrongPassword = new Request(new URL("/api/auth/sign-in/email", env.APP_URL), {
      method: "POST",
      headers: { "content-type": "application/json", origin: env.APP_URL },
      body: JSON.stringify({ email: user.email, password: "not the password" }),
    });
    const response = await inErrorShape(wrongPassword, await auth.handler(wrongPassword));

    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = await response.json();
    expect(body).toMatchObject({ error: expect.any(String), code: "INVALID_EMAIL_OR_PASSWORD", details: {} });
    expect(body.message).toBe(body.error);
  });

  it("says to set APP_URL when Better Auth refuses a page's origin", async () => {
    const refused = Response.json({ message: "Invalid origin", code: "INVALID_ORIGIN" }, { status: 403 });
    const response = await inErrorShape(request({ origin: "https://app.example.com" }), refused);

    const body = await response.json();
    expect(response.status).toBe(403);
    expect(body).toMatchObject({ code: "INVALID_ORIGIN", details: { origin: "https://app.example.com" } });
    expect(body.error).toContain("set APP_URL to that address");
    expect(body.message).toBe(body.error);
  });

  it("names the Origin header to send when a cookie comes without one", async () => {
    const refused = Response.json(
      { message: "Missing or null Origin", code: "MISSING_OR_NULL_ORIGIN" },
      { status: 403 },
    );
    const body = await (await inErrorShape(request(), refused)).json();
    expect(body.error).toContain(`Origin: ${new URL(env.APP_URL).origin}`);
  });

  it("names an error sent without a body or a code by its status, and keeps its headers", async () => {
    const limited = new Response(null, { status: 429, headers: { "x-retry-after": "10" } });
    const response = await inErrorShape(request(), limited);
    expect(await response.json()).toMatchObject({ error: expect.any(String), code: "RATE_LIMITED", details: {} });
    expect(response.headers.get("x-retry-after")).toBe("10");
    expect(response.headers.get("retry-after")).toBe("10");
  });

  it("leaves successes and redirects alone", async () => {
    for (const response of [
      Response.json({ ok: true }),
      new Response(null, { status: 302, headers: { location: "/" } }),
    ]) {
      expect(await inErrorShape(request(), response)).toBe(response);
    }
  });
});
