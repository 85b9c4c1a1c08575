import { mkdtemp, realpath, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

/**
 * Temporary directories for one test file, removed after each test.
 * Call at the top level of a test file: `const tempDir = useTempDirs();` then `await tempDir()` inside a test.
 */
export function useTempDirs(prefix = "craftjs-unit-"): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    // The real path: what the CLI (and any command it runs) sees as its working directory, even if TMPDIR is a symlink.
    const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), prefix)));
    made.push(dir);
    return dir;
  };
}
