import { describe, expect, it } from "vitest";
import { call } from "@/test/requests";
import { GET, POST } from "./route";

describe("/api/health", () => {
  it("answers ok after a database round trip, without credentials", async () => {
    const response = await call(GET);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("answers 405 to anything but GET", async () => {
    expect((await call(POST, { method: "POST" })).status).toBe(405);
  });
});
