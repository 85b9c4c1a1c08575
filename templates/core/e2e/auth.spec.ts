import type { Page } from "@playwright/test";
import {
  appOrigin,
  checkPage,
  expect,
  mailedLink,
  newAccount,
  signUp,
  signUpThroughPage,
  test,
} from "./support/fixtures";

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signing up, out, and back in returns to the page that asked for it", async ({ page }) => {
  await page.goto("/sign-up");
  await checkPage(page, "sign-up");
  const account = await signUpThroughPage(page);
  await expect(page).toHaveURL(/\/chat$/);

  await page.getByRole("button", { name: /^Account: / }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in");
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await checkPage(page, "sign-in");

  await signIn(page, account.email, account.password);
  await page.waitForURL("**/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("a signed-in visitor of sign-in or sign-up goes on to the app, never to another site", async ({ page }) => {
  await signUp(page);
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/chat$/);
  await page.goto("/sign-up?next=%2Fsettings");
  await expect(page).toHaveURL(/\/settings$/);
  // What a phishing link would put in `next`: the browser still ends on this site's chat.
  for (const next of ["/\t/evil.example/phish", "/\n/evil.example", "//evil.example", "/\\evil.example"]) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(/\/chat$/);
    expect(new URL(page.url()).origin, next).toBe(appOrigin());
  }
});

test("a wrong password is refused with Better Auth's message", async ({ page, consoleErrors }) => {
  const account = await signUp(page);
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await signIn(page, account.email, `${account.password}-wrong`);
  await expect(page.locator("form").getByRole("alert")).toHaveText(/invalid email or password/i);
  await expect(page).toHaveURL(/\/sign-in$/);
  dropRefusedRequestLogs(consoleErrors);
});

test("a forgotten password is replaced through the mailed link", async ({ page, consoleErrors }) => {
  const account = await signUp(page);
  await page.context().clearCookies();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await page.waitForURL("**/forgot-password");
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account exists, we sent a link")).toBeVisible();
  await checkPage(page, "forgot-password");

  await page.goto(await mailedLink(account.email, "/reset-password/"));
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await checkPage(page, "reset-password");
  const newPassword = newAccount().password;
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await page.waitForURL("**/sign-in?reset=done");
  await expect(page.getByText("Your password was changed")).toBeVisible();

  await signIn(page, account.email, account.password);
  await expect(page.locator("form").getByRole("alert")).not.toBeEmpty();
  dropRefusedRequestLogs(consoleErrors);
  await signIn(page, account.email, newPassword);
  await page.waitForURL("**/chat");
});

test("a used or unknown reset link says so and offers a new one", async ({ page }) => {
  await page.goto("/reset-password?error=INVALID_TOKEN");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("invalid or has expired");
  await expect(page.getByRole("link", { name: "Send a new link" })).toHaveAttribute("href", "/forgot-password");
});

/**
 * A refused sign-in is a 401 the page expects and shows; Chromium still logs every 4xx response to the console,
 * which the console check would count as a page error.
 */
function dropRefusedRequestLogs(consoleErrors: string[]) {
  const others = consoleErrors.filter((error) => !/status of 401/.test(error));
  consoleErrors.splice(0, consoleErrors.length, ...others);
}

test("a signed-in page runs only the scripts it was served with: injected ones are refused", async ({
  page,
  consoleErrors,
}) => {
  await signUp(page);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const scripts = await page.evaluate(() => [...document.scripts].map((script) => script.nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const nonce of scripts) expect(nonce, "every script the page was served with has its nonce").toBeTruthy();

  // What an injection into the page's markup would add: an element with an event handler. It does not run.
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = `<img src="/missing.png" onerror="document.body.dataset.injected = 'ran'">`;
    document.body.append(holder);
  });
  await expect.poll(() => consoleErrors.some((error) => /inline event handler violates/.test(error))).toBe(true);
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
  // The refusal is what this test expects the console to say, with the missing image's 404.
  expect(consoleErrors.filter((error) => !/Content Security Policy|status of 404/.test(error))).toEqual([]);
  consoleErrors.length = 0;
});
