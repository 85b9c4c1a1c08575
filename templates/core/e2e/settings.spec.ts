import { appHeaders, checkPage, expect, newAccount, signUp, test } from "./support/fixtures";

test("a new name is kept", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings");
  const name = page.getByLabel("Name", { exact: true });
  await name.fill("Ada Lovelace");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Profile saved")).toBeVisible();
  await page.reload();
  await expect(name).toHaveValue("Ada Lovelace");
});

test("the plan card shows the Free plan and its limit of 10 a minute", async ({ page }) => {
  const account = await signUp(page);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByTestId("plan-name")).toHaveText("Free");
  await expect(page.getByTestId("rate-limit")).toContainText("of 10 requests used this minute");
  // The address is shown as text (it cannot be edited here), not as a read-only field.
  const profile = page.getByRole("region", { name: "Profile" });
  await expect(profile.getByText(account.email)).toBeVisible();
  await expect(profile.getByRole("textbox", { name: "Email" })).toHaveCount(0);
  // The user menu names the account and signs out from its menu.
  await page.getByRole("button", { name: /^Account: / }).click();
  await expect(page.getByRole("menu").getByText(account.email)).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Settings" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(page.getByText("This device")).toBeVisible();
  await checkPage(page, "settings");
});

test("the password can be changed, and the new one signs in", async ({ page }) => {
  const account = await signUp(page);
  await page.goto("/settings");
  const newPassword = newAccount().password;
  await page.getByLabel("Current password", { exact: true }).fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed")).toBeVisible();
  await expect(page.getByLabel("Current password", { exact: true })).toHaveValue("");

  const signIn = await page.request.post("/api/auth/sign-in/email", {
    data: { email: account.email, password: newPassword },
    headers: appHeaders(),
  });
  expect(signIn.status()).toBe(200);
});

test("the sessions list marks this device and revokes another", async ({ page, playwright, baseURL }) => {
  const account = await signUp(page);
  // Another device: an API client that signs in with the same account and keeps its own session cookie.
  const elsewhere = await playwright.request.newContext({ baseURL });
  const signedIn = await elsewhere.post("/api/auth/sign-in/email", {
    data: { email: account.email, password: account.password },
    headers: appHeaders(),
  });
  expect(signedIn.status()).toBe(200);

  await page.goto("/settings");
  const sessions = page.getByRole("region", { name: "Sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText("This device");
  await sessions
    .nth(1)
    .getByRole("button", { name: /^Revoke/ })
    .click();
  await expect(sessions).toHaveCount(1);
  await expect(sessions.first()).toContainText("This device");
  expect(await (await elsewhere.get("/api/auth/get-session")).json()).toBeNull();
  await elsewhere.dispose();
});
