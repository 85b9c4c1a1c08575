import { describe, expect, it } from "vitest";
import { ApiError, errorResponse } from "./errors";

describe("errorResponse", () => {
  it("answers a database outage with 503 SERVICE_UNAVAILABLE and Retry-After, in the error shape", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const response = errorResponse(new Error("Failed query: select 1", { cause: refused }));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({
      error: "The database is unavailable; try again shortly.",
      code: "SERVICE_UNAVAILABLE",
      details: {},
    });
  });

  it("answers an ApiError with its own status and any other error with a bare 500", async () => {
    expect(errorResponse(new ApiError("NOT_FOUND", "No such chat.")).status).toBe(404);
    const unexpected = errorResponse(new Error("boom"));
    expect(unexpected.status).toBe(500);
    expect((await unexpected.json()).code).toBe("INTERNAL_ERROR");
  });
});
