import { expect, signUp, test } from "./support/fixtures";

/** The most JavaScript (compressed, as sent) the chat page may make a first visit download. */
const CHAT_PAGE_BUDGET_BYTES = 200 * 1024;

test("the chat page's first load stays within its JavaScript budget", async ({ page }) => {
  await signUp(page);
  const sizes: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script") sizes.push(request.sizes().then((size) => size.responseBodySize));
  });
  await page.goto("/chat", { waitUntil: "networkidle" });
  const scriptBytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  const kilobytes = (scriptBytes / 1024).toFixed(1);
  console.log(
    `chat page first-load JavaScript: ${kilobytes} kB as sent (gzip), budget ${CHAT_PAGE_BUDGET_BYTES / 1024} kB`,
  );
  expect(scriptBytes).toBeGreaterThan(0);
  expect(scriptBytes).toBeLessThan(CHAT_PAGE_BUDGET_BYTES);
});
