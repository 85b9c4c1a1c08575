import { describe, expect, it, vi } from "vitest";
import { errorResponse } from "@/lib/api/errors";
import { sessionCredential } from "./session";
import { auth } from "./server";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
vi.mock("@/lib/db/reachable", () => ({ assertDatabaseReachable: vi.fn(async () => Promise.reject(refused)) }));

describe("sessionCredential", () => {
  it("reports a session lookup that failed because the database is down as the outage, a 503", async () => {
    // Better Auth replaces the driver's error with its own "Failed to get session".
    vi.spyOn(auth.api, "getSession").mockRejectedValueOnce(new Error("Failed to get session"));
    const request = new Request("http://localhost/api/chats", { headers: { cookie: "session=abc" } });
    const thrown = await sessionCredential.authenticate(request).catch((error: unknown) => error);
    const response = errorResponse(thrown);
    expect(response.status).toBe(503);
    expect((await response.json()).code).toBe("SERVICE_UNAVAILABLE");
  });
});
