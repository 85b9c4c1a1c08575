import { fileURLToPath } from "node:url";
import { loadEnv } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    env: loadEnv("test", process.cwd(), ""),
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.ts"],
    // Password hashing is slow on purpose: a test that signs in a dozen times needs more than vitest's 5 s default on
    // a busy two-core CI runner.
    testTimeout: 15_000,
  },
});
