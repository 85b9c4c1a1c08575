import { describe, expect, it } from "vitest";
import nextConfig from "../../../next.config";
import {
  API_HEADERS,
  BASE_SECURITY_HEADERS,
  contentSecurityPolicy,
  newNonce,
  strictTransportSecurity,
} from "./headers";

const directives = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1)]));

describe("security headers", () => {
  it("forbid sniffing and framing and keep full URLs from other sites", () => {
    expect(BASE_SECURITY_HEADERS).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("run only scripts with the page's nonce and what they load, never an inline one without it", () => {
    const policy = directives(contentSecurityPolicy("bm9uY2U=", false));
    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
  });

  it("let pages send requests to the other origins a feature names, and to no others", () => {
    const policy = directives(contentSecurityPolicy("bm9uY2U=", false, ["https://uploads.example.com"]));
    expect(policy["connect-src"]).toEqual(["'self'", "https://uploads.example.com"]);
    expect(policy["default-src"]).toEqual(["'self'"]);
  });

  it("allow eval only in development, where React's debugging needs it", () => {
    expect(directives(contentSecurityPolicy("bm9uY2U=", true))["script-src"]).toContain("'unsafe-eval'");
  });

  it("make a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("send HSTS only for an https APP_URL", () => {
    expect(strictTransportSecurity("https://app.example.com")["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(strictTransportSecurity("http://localhost:3000")).toEqual({});
  });

  it("give API responses no-store and a policy under which an API response opened as a page runs nothing", () => {
    expect(API_HEADERS["Cache-Control"]).toBe("no-store");
    expect(directives(API_HEADERS["Content-Security-Policy"] ?? "")).toEqual({
      "default-src": ["'none'"],
      "frame-ancestors": ["'none'"],
      sandbox: [],
    });
  });

  it("are given by next.config.ts to what the proxy does not see (files, the API), the API's last so that they win", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    expect(rules.map((rule) => rule.source)).toEqual(["/:path*", "/api/:path*"]);
    const [everyPath, api] = rules.map((rule) =>
      Object.fromEntries(rule.headers.map(({ key, value }) => [key, value])),
    );
    expect(everyPath).toEqual(BASE_SECURITY_HEADERS);
    expect(api).toEqual(API_HEADERS);
  });
});
