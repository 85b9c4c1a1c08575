import { describe, expect, it } from "vitest";
import { initialsOf } from "./initials";

describe("initialsOf", () => {
  it("takes the first letters of the first and last words of the name", () => {
    expect(initialsOf({ name: "Ada King Lovelace", email: "ada@example.com" })).toBe("AL");
    expect(initialsOf({ name: "  grace  ", email: "grace@example.com" })).toBe("G");
  });

  it("falls back to the email, and keeps a letter outside the Basic Multilingual Plane whole", () => {
    expect(initialsOf({ name: "", email: "zoe@example.com" })).toBe("Z");
    expect(initialsOf({ name: "𝒜da Émile", email: "x@example.com" })).toBe("𝒜É");
  });
});
