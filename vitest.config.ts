import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Two files at a time even on a two-core machine (vitest's default leaves one core idle there): most unit tests
    // spawn the CLI and wait on it.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // Each step installs, builds or serves a whole project: files one at a time, and in the generated-app suite
          // two combinations at once (one installs or waits on HTTP while the other builds).
          fileParallelism: false,
          maxConcurrency: 2,
          testTimeout: 15 * 60_000,
          hookTimeout: 5 * 60_000,
        },
      },
    ],
  },
});
