import { defineConfig, devices } from "@playwright/test";
import { fakeModelEnv } from "./e2e/support/fake-model-env";

/*
 * The browser tests. By default they start the built app themselves (`npm run build` first) on E2E_PORT, its AI
 * provider pointed at a local fake model, so they need no key. E2E_BASE_URL tests an app that is already running
 * instead (its .env decides what it talks to). CHROMIUM_PATH runs a Chromium already on the machine; unset, it is
 * Playwright's own (`npx playwright install chromium`).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const modelPort = port + 1;
const runningApp = process.env.E2E_BASE_URL;
const baseURL = runningApp ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  // The flows share one database and count against per-user limits only: files run side by side, each test in order.
  fullyParallel: false,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      // No calls home: on a closed network Chromium's background connections only fail and slow it down.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: runningApp
    ? undefined
    : [
        {
          command: "node e2e/support/fake-model.mjs",
          url: `http://127.0.0.1:${modelPort}/health`,
          env: { FAKE_MODEL_PORT: String(modelPort) },
          reuseExistingServer: false,
        },
        {
          // Idle connections kept longer than the test's HTTP client keeps them: it closes them first, so it never
          // sends a request down one the server is closing at that moment (a "socket hang up" under load).
          command: `next start --port ${port} --keepAliveTimeout 70000`,
          url: `${baseURL}/api/health`,
          // Each test's browser says its own client address through X-Forwarded-For (e2e/support/fixtures.ts), and
          // the mail the tests open (a password reset's) is also written to data/mail, whatever sends it.
          env: {
            ...fakeModelEnv(`http://127.0.0.1:${modelPort}`),
            APP_URL: baseURL,
            TRUSTED_PROXY_HOPS: "1",
            EMAIL_OUTBOX: "on",
            // A Free allowance one "expensive" answer spends (e2e/free-plan.spec.ts); every other test stays well below it.
            AI_MONTHLY_TOKENS_FREE: "6000",
          },
          reuseExistingServer: false,
          timeout: 60_000,
        },
      ],
});
