import { describe, expect, it } from "vitest";
import { formatSize } from "./format-size";

describe("formatSize", () => {
  it("says bytes below a kilobyte", () => {
    expect(formatSize(0)).toBe("0 bytes");
    expect(formatSize(1)).toBe("1 byte");
    expect(formatSize(1023)).toBe("1023 bytes");
  });

  it("keeps one decimal below ten units, none above", () => {
    expect(formatSize(1536)).toBe("1.5 KB");
    expect(formatSize(1024 * 1024)).toBe("1 MB");
    expect(formatSize(20.4 * 1024 * 1024)).toBe("20 MB");
  });

  it("stops at terabytes", () => {
    expect(formatSize(2048 * 1024 ** 4)).toBe("2048 TB");
  });
});
