import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { checkPage, expect, newAccount, signUp, signUpThroughPage, test } from "./support/fixtures";

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The link of the newest password-reset mail to `to` in the app's development outbox (data/mail). */
async function mailedResetLink(to: string): Promise<string> {
  const directory = path.join(process.env.E2E_APP_DIR ?? process.cwd(), "data", "mail");
  let link: string | undefined;
  await expect
    .poll(async () => (link = await newestResetLink(directory, to)), {
      message: `a reset mail to ${to} in ${directory}`,
    })
    .toBeTruthy();
  return link!;
}

async function newestResetLink(directory: string, to: string): Promise<string | undefined> {
  const names = await readdir(directory).catch(() => []);
  // The names start with the time they were written, so the newest sorts last.
  for (const name of names
    .filter((file) => file.endsWith(".json"))
    .sort()
    .reverse()) {
    const mail = JSON.parse(await readFile(path.join(directory, name), "utf8")) as { to: string; link: string | null };
    if (mail.to === to && mail.link?.includes("/reset-password/")) return mail.link;
  }
  return undefined;
}

test("signing up, out, and back in returns to the page that asked for it", async ({ page }) => {
  await page.goto("/sign-up");
  await checkPage(page, "sign-up");
  const account = await signUpThroughPage(page);
  await expect(page).toHaveURL(/\/chat$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in");
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await checkPage(page, "sign-in");

  await signIn(page, account.email, account.password);
  await page.waitForURL("**/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("a signed-in visitor of sign-in or sign-up goes on to the app", async ({ page }) => {
  await signUp(page);
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/chat$/);
  await page.goto("/sign-up?next=%2Fsettings");
  await expect(page).toHaveURL(/\/settings$/);
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

  await page.goto(await mailedResetLink(account.email));
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
