import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { DELETE, GET, POST } from "./route";

describe("an /api path no route serves", () => {
  it("is a 404 in the error shape, whatever the method", async () => {
    for (const handler of [GET, POST, DELETE]) {
      const response = await handler(new Request(new URL("/api/no/such/thing", env.APP_URL)));
      expect(response.status).toBe(404);
      const body = await response.json();
      expect(body).toEqual({ error: expect.stringContaining("/api/no/such/thing"), code: "NOT_FOUND", details: {} });
    }
  });
});
