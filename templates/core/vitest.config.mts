import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { loadEnv } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    env: loadEnv("test", process.cwd(), ""),
    // One migrated template database for the run; each test file gets a copy of its own (setup.ts).
    globalSetup: ["./src/test/global-setup.ts"],
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.ts"],
    // Two files at a time even on a two-core machine (vitest's default leaves one core idle there): a test file
    // spends much of its time waiting on its database.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Password hashing is slow on purpose: a test that signs in a dozen times needs more than vitest's 5 s default on
    // a busy two-core CI runner.
    testTimeout: 15_000,
  },
});
