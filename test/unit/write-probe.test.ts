import * as fs from "node:fs/promises";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { assertWritableParent } from "../../src/write.js";
import { useTempDirs } from "./support/temp.js";

// The probe folder is made by mkdtemp: here a Ctrl-C arrives right after it exists, before it is removed.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, mkdtemp: vi.fn(actual.mkdtemp) };
});

const actualMkdtemp = (await vi.importActual<typeof import("node:fs/promises")>("node:fs/promises")).mkdtemp;
const tempDir = useTempDirs("craftjs-probe-");

describe("Ctrl-C while the parent is probed", () => {
  it("is held until the probe folder is gone, then stops the run as cancelled (exit 130)", async () => {
    const parent = await tempDir();
    vi.mocked(fs.mkdtemp).mockImplementationOnce(async (prefix, options) => {
      const made = await actualMkdtemp(prefix, options);
      // Without a listener a real SIGINT would kill the process here, leaving the folder; with one it is held.
      expect(process.listenerCount("SIGINT")).toBeGreaterThan(0);
      process.emit("SIGINT", "SIGINT");
      return made;
    });

    await expect(assertWritableParent(path.join(parent, "app"))).rejects.toMatchObject({ code: "CANCELLED", exitCode: 130 });
    expect(await readdir(parent)).toEqual([]);
  });
});
