import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { methods, type RouteHandler } from "./endpoint";
import { frontDoor } from "./front-door";

const appOrigin = new URL(env.APP_URL).origin;
const evil = "https://evil.example";
const signedIn = { cookie: "better-auth.session_token=abc" };
const reached = async () => Response.json({ reached: true });
const route = methods({ GET: reached, POST: reached });

const send = (handler: RouteHandler, init: RequestInit = {}) =>
  handler(new Request(new URL("/api/anything", env.APP_URL), init), { params: Promise.resolve({}) });

describe("the API's front door", () => {
  it("refuses a cookie POST from another site with 403 in the error shape, before the route runs", async () => {
    const response = await send(route.POST, { method: "POST", headers: { ...signedIn, origin: evil } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: expect.any(String), code: "FORBIDDEN", details: {} });
  });

  it("lets a cookie POST from the app's origin, and one from another site with an API key, through", async () => {
    const own = await send(route.POST, { method: "POST", headers: { ...signedIn, origin: appOrigin } });
    expect(await own.json()).toEqual({ reached: true });
    const keyed = await send(route.POST, { method: "POST", headers: { "x-api-key": "k", origin: evil } });
    expect(await keyed.json()).toEqual({ reached: true });
  });

  it("leaves routes that check origins themselves, or that cookies give no access to, to their own checks", async () => {
    const own = frontDoor(reached, { refuseForgeries: false });
    const response = await send(own, { method: "POST", headers: { ...signedIn, origin: evil } });
    expect(await response.json()).toEqual({ reached: true });
  });

  it("gives API responses CORS for the allowed origins only, and answers their preflights", async () => {
    const allowed = await send(route.GET, { headers: { origin: appOrigin } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(appOrigin);
    expect(allowed.headers.get("access-control-expose-headers")).toContain("X-RateLimit-Remaining");
    const refused = await send(route.GET, { headers: { origin: evil } });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(refused.headers.get("vary")).toBe("Origin");

    const preflight = await send(route.OPTIONS, {
      method: "OPTIONS",
      headers: { origin: appOrigin, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    const options = await send(route.OPTIONS, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, POST, OPTIONS"]);
  });

  it("gives no CORS to a route browsers must not call (webhooks)", async () => {
    const serverOnly = frontDoor(reached, { cors: false, refuseForgeries: false });
    const response = await send(serverOnly, { headers: { origin: appOrigin } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sets its headers on a response whose headers are immutable, by copying it", async () => {
    const redirect = frontDoor(async () => Response.redirect(new URL("/elsewhere", env.APP_URL), 302));
    const response = await send(redirect, { headers: { origin: appOrigin } });
    expect([response.status, response.headers.get("location")]).toEqual([302, new URL("/elsewhere", env.APP_URL).href]);
    expect(response.headers.get("access-control-allow-origin")).toBe(appOrigin);
  });
});
