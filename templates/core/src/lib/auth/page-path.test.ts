import { describe, expect, it } from "vitest";
import { localPath } from "./page-path";

describe("localPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(localPath("/chat/abc?x=1")).toBe("/chat/abc?x=1");
  });

  it("refuses another origin, however it is written", () => {
    const tricks = [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/%09/evil.example".replace("%09", "\t"),
      "/\u0000/evil.example",
      "/\u0085/evil.example",
      "/ /evil.example".replace(" ", "\u007f"),
      "/\\/evil.example",
      "/./\\evil.example",
    ];
    for (const next of tricks) expect(localPath(next), JSON.stringify(next)).toBe("/chat");
  });

  it("keeps what a path on this site means, dot segments resolved", () => {
    expect(localPath("/settings/../chat#top")).toBe("/chat#top");
    expect(localPath("/files?q=%2F%2Fevil.example")).toBe("/files?q=%2F%2Fevil.example");
  });

  it("falls back when there is none", () => {
    expect(localPath(null, "/settings")).toBe("/settings");
  });
});
