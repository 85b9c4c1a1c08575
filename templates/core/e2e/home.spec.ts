import { checkPage, expect, signUp, test } from "./support/fixtures";

test("the landing page says what the app is and leads to sign-up and sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkPage(page, "home");
  await page.getByRole("link", { name: "Get started free" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a signed-in visitor is offered the app, and the dashboard address opens the chat", async ({ page }) => {
  await signUp(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Open the app" }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/chat$/);
});
