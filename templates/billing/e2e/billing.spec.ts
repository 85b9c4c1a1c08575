import type { Page } from "@playwright/test";
import { appOrigin, checkPage, expect, signUp, test } from "./support/fixtures";

/** The settings page shows the caller's plan's requests a minute: "3 of 10 requests used this minute". */
async function expectRateLimitShown(page: Page, requestsPerMinute: number): Promise<void> {
  await page.goto("/settings");
  await expect(page.getByTestId("rate-limit")).toContainText(`of ${requestsPerMinute} requests`);
}

test("a visitor sees every plan with its price, and signs up to buy one", async ({ page }) => {
  await page.goto("/pricing");
  for (const name of ["Free", "Pro", "Enterprise"]) {
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  }
  const yearly = page.getByRole("button", { name: "Yearly" });
  await yearly.click();
  await expect(yearly).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("/ year").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Get started with Pro" })).toHaveAttribute(
    "href",
    "/sign-up?next=/billing",
  );
  await checkPage(page, "pricing");
});

test.describe("paying for a plan", () => {
  test.skip(
    process.env.E2E_FAKE_CHECKOUT !== "1",
    "needs the payment provider's local fake (E2E_FAKE_CHECKOUT=1): a real provider's checkout cannot be paid by a test",
  );

  test("upgrading to Pro through the provider's checkout makes the user Pro, with Pro's rate limit", async ({
    page,
  }) => {
    await signUp(page);
    await expectRateLimitShown(page, 10);

    await page.goto("/billing");
    await expect(page.getByTestId("subscription-plan")).toHaveText("Free");
    await expect(page.getByTestId("subscription-status")).toHaveText("No subscription");
    await expect(page.getByRole("button", { name: "Manage billing" })).toHaveCount(0);
    await page.getByRole("button", { name: "Upgrade to Pro" }).click();

    // The provider's hosted checkout, on its own origin.
    await page.waitForURL((url) => url.origin !== appOrigin());
    await expect(page.getByText("Subscribe to Pro")).toBeVisible();
    await page.getByRole("button", { name: "Pay" }).click();

    await page.waitForURL("**/billing/success**");
    await expect(page.getByRole("heading", { name: "You're on Pro" })).toBeVisible();
    await checkPage(page, "billing-success");

    await page.getByRole("link", { name: "See your billing" }).click();
    await expect(page.getByTestId("subscription-plan")).toHaveText("Pro");
    await expect(page.getByTestId("subscription-status")).toHaveText("Active");
    await expect(page.getByText(/^Renews on /)).toBeVisible();
    await expect(page.getByRole("button", { name: "Manage billing" })).toBeVisible();
    await checkPage(page, "billing");

    await expectRateLimitShown(page, 100);
  });
});
