import { describe, expect, it } from "vitest";
import { localPath } from "./page-path";

describe("localPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(localPath("/chat/abc?x=1")).toBe("/chat/abc?x=1");
  });

  it("refuses another origin, however it is written", () => {
    for (const next of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", ""]) {
      expect(localPath(next)).toBe("/chat");
    }
  });

  it("falls back when there is none", () => {
    expect(localPath(null, "/settings")).toBe("/settings");
  });
});
