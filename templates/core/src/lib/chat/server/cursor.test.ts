import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const cursor = { updatedAt: new Date("2026-03-01T10:00:00.123Z"), id: "3f1c2a9e-0000-4000-8000-000000000001" };

describe("chat list cursors", () => {
  it("read back as the position they were made from", () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("are refused when hand-made, even in the old unsigned format", () => {
    const unsigned = Buffer.from(`${cursor.updatedAt.getTime()}:${cursor.id}`).toString("base64url");
    expect(decodeCursor(unsigned)).toBeNull();
    expect(decodeCursor(`${unsigned}.${"A".repeat(43)}`)).toBeNull();
    expect(decodeCursor("bm9wZQ")).toBeNull();
    expect(decodeCursor("")).toBeNull();
  });

  it("are refused when their position is altered and the signature kept", () => {
    const [, signature] = encodeCursor(cursor).split(".");
    const moved = Buffer.from(`99999999999999:${cursor.id}`).toString("base64url");
    expect(decodeCursor(`${moved}.${signature}`)).toBeNull();
  });

  it("are refused when their signature is altered", () => {
    const made = encodeCursor(cursor);
    const [payload, signature] = made.split(".") as [string, string];
    const flipped = `${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    expect(decodeCursor(flipped)).toBeNull();
    expect(decodeCursor(`${made}.extra`)).toBeNull();
  });
});
