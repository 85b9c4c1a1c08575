import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { call, signUp } from "@/test/requests";
import { endpoint, methods, publicEndpoint } from "./endpoint";

describe("endpoint", () => {
  const whoAmI = endpoint({}, async ({ caller }) => ({ email: caller.email, plan: caller.plan }));

  it("answers 401 in the error shape without credentials", async () => {
    const response = await call(whoAmI);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: expect.any(String), code: "UNAUTHORIZED", details: {} });
  });

  it("passes the signed-in caller, on the free plan, to the handler", async () => {
    const user = await signUp();
    const response = await call(whoAmI, { as: user });
    expect(await response.json()).toEqual({ email: user.email, plan: "free" });
  });

  it("answers 401 for a forged session cookie", async () => {
    const response = await call(whoAmI, { headers: { cookie: "better-auth.session_token=forged.value" } });
    expect(response.status).toBe(401);
  });

  it("validates the body and names each failing field", async () => {
    const echo = publicEndpoint(
      { body: z.object({ name: z.string(), age: z.number().int() }) },
      async ({ body }) => body,
    );
    const response = await call(echo, { method: "POST", body: { name: 1, age: 1.5 } });
    expect(response.status).toBe(400);
    const { code, details } = await response.json();
    expect(code).toBe("INVALID_REQUEST");
    expect(Object.keys(details.fields).sort()).toEqual(["age", "name"]);
  });

  it("turns an unexpected error into a 500 that leaks nothing, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = publicEndpoint({}, async () => {
      throw new Error("select * from users where password = 'hunter2'");
    });
    const response = await call(broken);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: "INTERNAL_ERROR", details: {} });
    expect(text).not.toContain("hunter2");
    expect(log).toHaveBeenCalledWith("Unhandled error in an API route:", expect.any(Error));
    log.mockRestore();
  });
});

describe("methods", () => {
  const route = methods({ GET: publicEndpoint({}, async () => ({ ok: true })) });

  it("answers 405 with Allow for a method the route lacks", async () => {
    const response = await call(route.DELETE, { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, OPTIONS");
    expect(await response.json()).toMatchObject({
      code: "METHOD_NOT_ALLOWED",
      details: { allowed: ["GET", "OPTIONS"] },
    });
  });

  it("answers OPTIONS with the allowed methods", async () => {
    const response = await call(route.OPTIONS, { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, OPTIONS");
  });
});
