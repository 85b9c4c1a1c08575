import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { config, proxy } from "./proxy";

const send = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(new NextRequest(new URL(path, env.APP_URL), init));

describe("proxy", () => {
  it("gives pages the security headers, and no API cache policy", async () => {
    const page = await send("/");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("cache-control")).toBeNull();
  });

  it("runs for pages only: the API has its own front door, files next.config.ts", () => {
    const matcher = new RegExp(`^${config.matcher}$`);
    for (const page of ["/", "/chat", "/settings", "/sign-in", "/apis"]) expect(page).toMatch(matcher);
    for (const other of ["/api", "/api/chats", "/api/auth/sign-in/email", "/_next/static/chunks/a.js"]) {
      expect(other).not.toMatch(matcher);
    }
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
