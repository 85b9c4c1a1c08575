import { describe, expect, it } from "vitest";
import { objectKey, safeFilename } from "./filename";

describe("safeFilename", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "passwd"],
    ["a/b", "b"],
    ["C:\\Users\\me\\photo.png", "photo.png"],
    ["evil\u0000name.txt", "evilname.txt"],
    ["..", "file"],
    [".env", "env"],
    ["", "file"],
    ["my holiday (1).jpg", "my-holiday-1-.jpg"],
    ["Cafe\u0301.txt", "Café.txt"],
  ])("makes %j safe: %j", (name, safe) => {
    expect(safeFilename(name)).toBe(safe);
  });

  it("bounds a long name to 200 bytes and keeps its extension", () => {
    const safe = safeFilename(`${"a".repeat(300)}.png`);
    expect(safe).toBe(`${"a".repeat(196)}.png`);
    const wide = safeFilename(`${"文".repeat(100)}.txt`);
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(200);
    expect(wide.endsWith(".txt")).toBe(true);
  });
});

describe("objectKey", () => {
  it("puts each upload in a folder of its own under the user's prefix", () => {
    const [first, second] = [objectKey("user-1", "../x.txt"), objectKey("user-1", "../x.txt")];
    expect(first).toMatch(/^user-1\/[0-9a-f-]{36}\/x\.txt$/);
    expect(first).not.toBe(second);
  });
});
