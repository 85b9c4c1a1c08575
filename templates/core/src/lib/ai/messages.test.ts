import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { assertFitsContext, titleFrom, toTurn } from "./messages";

describe("toTurn", () => {
  it("takes a plain { role, content } pair as it is", () => {
    expect(toTurn({ role: "user", content: "hi" })).toEqual({ role: "user", content: "hi" });
  });

  it("joins the text parts of a useChat message and ignores the rest", () => {
    const message = {
      role: "user" as const,
      parts: [{ type: "text", text: "Hello " }, { type: "file", url: "x" }, { type: "text", text: "there" }],
    };
    expect(toTurn(message)).toEqual({ role: "user", content: "Hello there" });
  });
});

describe("titleFrom", () => {
  it("is the first user message on one line", () => {
    const turns = [
      { role: "system" as const, content: "Be brief." },
      { role: "user" as const, content: "Plan a\n  trip to Lisbon" },
    ];
    expect(titleFrom(turns)).toBe("Plan a trip to Lisbon");
  });

  it("is cut at 80 characters", () => {
    const title = titleFrom([{ role: "user", content: "word ".repeat(40) }]);
    expect(title).toHaveLength(80);
    expect(title.endsWith("…")).toBe(true);
  });
});

describe("assertFitsContext", () => {
  const model = { id: "small", contextTokens: 1_000, maxOutputTokens: 200 };

  it("lets a conversation through that leaves room for the answer", () => {
    expect(() => assertFitsContext([{ role: "user", content: "x".repeat(3_000) }], model)).not.toThrow();
  });

  it("refuses one that does not, saying how far over it is", () => {
    let error: unknown;
    try {
      assertFitsContext([{ role: "user", content: "x".repeat(4_000) }], model);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "CONTEXT_TOO_LONG", status: 400, details: { limit: 800, model: "small" } });
  });
});
