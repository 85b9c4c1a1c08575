import { appOrigin, checkPage, expect, signUp, test } from "./support/fixtures";

test("a key created in settings works from a script until it is revoked", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page);
  await page.goto("/settings");

  await page.getByLabel("Key name").fill("ci");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Your new API key" });
  await expect(dialog).toBeVisible();
  const shown = await dialog.getByRole("textbox").inputValue();
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied", { exact: true })).toBeVisible();
  const key = await page.evaluate(() => navigator.clipboard.readText());
  expect(key).toBe(shown);

  // Node's fetch, as a script would call the API: no cookie, only the key.
  const listChats = () => fetch(new URL("/api/chats", appOrigin()), { headers: { authorization: `Bearer ${key}` } });
  expect((await listChats()).status).toBe(200);

  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  const keys = page.getByRole("list", { name: "Your API keys" }).getByRole("listitem");
  await expect(keys).toHaveCount(1);
  await expect(keys.first()).toContainText("ci");
  await expect(keys.first()).toContainText(key.slice(0, 4));
  await checkPage(page, "api-keys");

  await page.getByRole("button", { name: "Revoke ci" }).click();
  await page.getByRole("dialog", { name: "Revoke this key?" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("No keys yet.")).toBeVisible();
  expect((await listChats()).status).toBe(401);
});
