import { expect } from "vitest";
import { EXTRA_CORS_ORIGIN } from "../combinations.js";
import { Browser } from "../support/http.js";
import { startApp } from "../../../scripts/lib/local-app.js";
import type { Suite } from "../support/suite.js";

/** CORS: the app's own origin and CORS_ORIGINS allowed with credentials, preflights answered, others get nothing. */
export function corsSteps(suite: Suite): void {
  suite.pipeline.step("allows the configured origins with credentials and answers preflights", async () => {
    const from = (origin: string, method = "GET", headers: Record<string, string> = {}) =>
      new Browser(suite.url).request(method, "/api/chats", undefined, { origin, ...headers });

    const own = await from(suite.url);
    expect(own.headers.get("access-control-allow-origin")).toBe(suite.url);
    expect(own.headers.get("access-control-allow-credentials")).toBe("true");
    expect(own.headers.get("vary")).toMatch(/origin/i);
    expect(own.headers.get("access-control-expose-headers")).toContain("X-RateLimit-Remaining");

    const other = await from("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("access-control-allow-credentials")).toBeNull();

    const preflight = await from(suite.url, "OPTIONS", {
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, authorization",
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(suite.url);
    for (const method of ["GET", "POST", "DELETE", "OPTIONS"]) {
      expect(preflight.headers.get("access-control-allow-methods")).toContain(method);
    }
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Content-Type.*Authorization/);
    const deniedPreflight = await from("https://evil.example", "OPTIONS", { "access-control-request-method": "POST" });
    expect(deniedPreflight.headers.get("access-control-allow-origin")).toBeNull();

    // Better Auth refuses an auth request from an origin it does not trust, whatever CORS would let a browser read.
    const foreignSignUp = await new Browser(suite.url).request(
      "POST",
      "/api/auth/sign-up/email",
      { email: `evil-${Date.now()}@example.com`, password: "a long enough password", name: "evil" },
      { origin: "https://evil.example" },
    );
    expect(foreignSignUp.status).toBe(403);

    if (!suite.combination.defaults) {
      const listed = await from(EXTRA_CORS_ORIGIN);
      expect(listed.headers.get("access-control-allow-origin")).toBe(EXTRA_CORS_ORIGIN);
    }
  });
}

/** In development any localhost port is allowed too: proven on the development server, once. */
export function developmentCorsSteps(suite: Suite): void {
  suite.pipeline.step("allows any localhost port in development", async () => {
    const dev = await startApp(suite.appDir, { env: suite.serverEnv(), mode: "dev" });
    try {
      const elsewhere = "http://localhost:5999";
      const reply = await new Browser(dev.url).request("GET", "/api/health", undefined, { origin: elsewhere });
      expect(reply.status).toBe(200);
      expect(reply.headers.get("access-control-allow-origin")).toBe(elsewhere);
      // Better Auth trusts the same origins, so a page there can also act on a session (it checks the Origin of
      // requests that carry cookies).
      const browser = new Browser(dev.url);
      expect((await browser.signUp(`dev-${Date.now()}@example.com`)).status).toBe(200);
      const signOut = await browser.request("POST", "/api/auth/sign-out", {}, { origin: elsewhere });
      expect(signOut.status, signOut.text).toBe(200);
    } finally {
      await dev.stop();
    }
  });
}
