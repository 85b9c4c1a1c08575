import { checkPage, expect, signUp, test } from "./support/fixtures";

/** A valid PNG of one transparent pixel. */
const pixel = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

test("a user uploads an image with its progress shown, downloads the same bytes and deletes it", async ({ page }) => {
  await signUp(page);
  await page.goto("/files");
  await expect(page.getByText("No files yet.")).toBeVisible();

  await page.getByLabel("Choose a file").setInputFiles({ name: "pixel.png", mimeType: "image/png", buffer: pixel });
  const progress = page.getByRole("progressbar", { name: /pixel\.png/ });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("value", "100");
  await expect(page.getByText("Uploaded pixel.png")).toBeVisible();

  const file = page.getByRole("list", { name: "Your files" }).getByRole("listitem").filter({ hasText: "pixel.png" });
  await expect(file).toBeVisible();
  await checkPage(page, "files");

  const link = await file.getByRole("link", { name: "Download pixel.png" }).getAttribute("href");
  const download = await page.request.get(link!);
  expect(download.status()).toBe(200);
  expect(Buffer.compare(await download.body(), pixel)).toBe(0);

  await file.getByRole("button", { name: "Delete pixel.png" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this file?" });
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("No files yet.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("No files yet.")).toBeVisible();
});
