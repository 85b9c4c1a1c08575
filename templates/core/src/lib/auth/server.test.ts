import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { auth } from "./server";

describe("Better Auth's trusted origins", () => {
  it("include every loopback origin and port while APP_URL is a loopback address", async () => {
    const context = await auth.$context;
    expect(new URL(env.APP_URL).hostname).toBe("localhost");
    for (const origin of ["http://localhost:3201", "http://127.0.0.1:3000", "http://[::1]:4000", "http://localhost"]) {
      expect(context.isTrustedOrigin(origin)).toBe(true);
    }
    expect(context.isTrustedOrigin("http://localhost.evil.example")).toBe(false);
    expect(context.isTrustedOrigin("https://evil.example")).toBe(false);
  });
});
