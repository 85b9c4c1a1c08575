import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput, storedText } from "./validation";

const schema = z.object({ title: storedText().max(20) });

describe("storedText", () => {
  it("accepts ordinary text with tabs, newlines and emoji", () => {
    expect(parseInput(schema, { title: "Trip\tto\r\nLisbon 🇵🇹" }, "body")).toEqual({ title: "Trip\tto\r\nLisbon 🇵🇹" });
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["a bell", "a\u0007b"],
    ["an escape", "\u001b[31mred"],
    ["a lone surrogate half", "a\uD800b"],
  ])("refuses %s with a 400 naming the field", (_, title) => {
    expect(() => parseInput(schema, { title }, "body")).toThrowError(
      expect.objectContaining({
        code: "INVALID_REQUEST",
        status: 400,
        details: { fields: { title: expect.any(String) } },
      }),
    );
  });

  it("keeps the field's other rules", () => {
    expect(() => parseInput(schema, { title: "x".repeat(21) }, "body")).toThrowError(
      expect.objectContaining({ code: "INVALID_REQUEST" }),
    );
  });
});
