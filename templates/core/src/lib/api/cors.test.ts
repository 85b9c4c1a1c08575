import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { corsHeaders, originPolicy } from "./cors";

describe("corsHeaders", () => {
  const appOrigin = new URL(env.APP_URL).origin;

  it("allows the app's own origin, with credentials", () => {
    expect(corsHeaders(appOrigin, false)).toMatchObject({
      "Access-Control-Allow-Origin": appOrigin,
      "Access-Control-Allow-Credentials": "true",
      Vary: "Origin",
    });
  });

  it("lets the browser read the chat id, the paging cursor and the rate-limit headers", () => {
    const exposed = corsHeaders(appOrigin, false)["Access-Control-Expose-Headers"];
    for (const header of ["X-Chat-Id", "X-Next-Cursor", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"]) {
      expect(exposed).toContain(header);
    }
  });

  it("answers a preflight with the allowed methods and headers", () => {
    const headers = corsHeaders(appOrigin, true);
    expect(headers["Access-Control-Allow-Methods"]).toContain("DELETE");
    expect(headers["Access-Control-Allow-Headers"]).toContain("Authorization");
  });

  it("gives any other origin no CORS headers", () => {
    expect(corsHeaders("https://evil.example", true)).toEqual({ Vary: "Origin" });
  });

  it("allows every loopback origin while APP_URL is a loopback address, as in this test environment", () => {
    expect(process.env.NODE_ENV).toBe("test");
    expect(new URL(env.APP_URL).hostname).toBe("localhost");
    for (const origin of ["http://localhost:5999", "http://127.0.0.1:3000", "http://[::1]:3201"]) {
      expect(corsHeaders(origin, false)["Access-Control-Allow-Origin"]).toBe(origin);
    }
  });
});

describe("originPolicy", () => {
  const onThisMachine = originPolicy({ appUrl: "http://localhost:3000", corsOrigins: undefined, development: false });
  const onADomain = originPolicy({
    appUrl: "https://app.example.com",
    corsOrigins: "https://admin.example.com, https://docs.example.com",
    development: false,
  });

  it("trusts any loopback host, port and scheme while APP_URL is a loopback address, also in production", () => {
    for (const origin of ["http://localhost:3201", "http://127.0.0.1:3000", "http://[::1]:8080", "https://localhost"]) {
      expect(onThisMachine.allows(origin)).toBe(true);
    }
    const onAnotherLoopback = originPolicy({ appUrl: "http://127.0.0.1:4000", corsOrigins: "", development: false });
    expect(onAnotherLoopback.allows("http://localhost:3000")).toBe(true);
  });

  it("never mistakes a look-alike for a loopback origin", () => {
    const lookAlikes = [
      "http://localhost.evil.example",
      "http://127.0.0.1.evil.example",
      "http://localhost:3000/path",
      "null",
    ];
    for (const origin of lookAlikes) {
      expect(onThisMachine.allows(origin)).toBe(false);
    }
  });

  it("trusts exactly APP_URL and CORS_ORIGINS for an app on a real domain", () => {
    expect(onADomain.allows("https://app.example.com")).toBe(true);
    expect(onADomain.allows("https://docs.example.com")).toBe(true);
    expect(onADomain.allows("http://localhost:3000")).toBe(false);
    expect(onADomain.allows("https://evil.example")).toBe(false);
    expect(onADomain.betterAuthPatterns).toEqual([
      "https://app.example.com",
      "https://admin.example.com",
      "https://docs.example.com",
    ]);
  });

  it("trusts loopback origins in development whatever APP_URL says", () => {
    const development = originPolicy({ appUrl: "https://app.example.com", corsOrigins: undefined, development: true });
    expect(development.allows("http://localhost:5173")).toBe(true);
  });
});
