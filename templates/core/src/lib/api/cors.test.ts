import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { corsHeaders } from "./cors";

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

  it("allows localhost on any port only in development", () => {
    expect(process.env.NODE_ENV).toBe("test");
    expect(corsHeaders("http://localhost:5999", false)).toEqual({ Vary: "Origin" });
  });
});
