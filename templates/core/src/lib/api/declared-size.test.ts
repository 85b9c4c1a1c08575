import { describe, expect, it } from "vitest";
import { AUTH_BODY_LIMIT } from "@/lib/auth/auth-request";
import { JSON_BODY_LIMIT } from "./body";
import { bodyLimitFor } from "./declared-size";

describe("bodyLimitFor", () => {
  it("gives the auth routes their small limit and the rest of the API the JSON limit", () => {
    expect(bodyLimitFor("/api/auth/sign-up/email")).toBe(AUTH_BODY_LIMIT);
    expect(bodyLimitFor("/api/chats")).toBe(JSON_BODY_LIMIT);
  });

  it("leaves pages and the storage route, whose uploads are larger, to themselves", () => {
    expect(bodyLimitFor("/api/storage/abc")).toBeUndefined();
    expect(bodyLimitFor("/dashboard")).toBeUndefined();
  });
});
