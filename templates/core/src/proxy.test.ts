import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { proxy } from "./proxy";

const send = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(new NextRequest(new URL(path, env.APP_URL), init));
const signedIn = { cookie: "better-auth.session_token=abc" };
const appOrigin = new URL(env.APP_URL).origin;
const evil = "https://evil.example";

describe("proxy", () => {
  it("refuses a cookie POST from another site with 403 in the error shape", async () => {
    const response = await send("/api/chats", { method: "POST", headers: { ...signedIn, origin: evil } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: expect.any(String), code: "FORBIDDEN", details: {} });
  });

  it("lets a cookie POST from the app's origin, and one from another site with an API key, through", async () => {
    const own = await send("/api/chats", { method: "POST", headers: { ...signedIn, origin: appOrigin } });
    expect(own.headers.get("x-middleware-next")).toBe("1");
    const keyed = await send("/api/chats", { method: "POST", headers: { "x-api-key": "k", origin: evil } });
    expect(keyed.headers.get("x-middleware-next")).toBe("1");
  });

  it("leaves Better Auth's routes and the webhooks to their own origin and signature checks", async () => {
    const headers = { ...signedIn, origin: evil };
    expect((await send("/api/auth/sign-out", { method: "POST", headers })).headers.get("x-middleware-next")).toBe("1");
    const webhook = await send("/api/webhooks/any-provider", { method: "POST", headers });
    expect(webhook.headers.get("x-middleware-next")).toBe("1");
  });

  it("gives pages the security headers, and API responses no-store and CORS as well", async () => {
    const page = await send("/");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("cache-control")).toBeNull();
    const api = await send("/api/chats", { headers: { origin: appOrigin } });
    expect(api.headers.get("cache-control")).toBe("no-store");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("access-control-allow-origin")).toBe(appOrigin);
  });

  it("gives each page a policy with a nonce of its own, on the request for Next.js and on the response", async () => {
    const [first, second] = [await send("/chat"), await send("/chat")];
    const nonce = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy")!)?.[1];
    expect(nonce(first)).toBeTruthy();
    expect(nonce(first)).not.toBe(nonce(second));
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(
      first.headers.get("content-security-policy"),
    );
    const scripts = first.headers
      .get("content-security-policy")!
      .split("; ")
      .find((part) => part.startsWith("script-src"));
    expect(scripts).not.toContain("'unsafe-inline'");
  });

  it("hands a page its own path and query for sign-in to return to, replacing one the client sent", async () => {
    const response = await send("/settings?tab=keys", { headers: { "x-page-path": "https://evil.example" } });
    expect(response.headers.get("x-middleware-request-x-page-path")).toBe("/settings?tab=keys");
  });
});
