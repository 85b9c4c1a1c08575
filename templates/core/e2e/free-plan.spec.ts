import { randomUUID } from "node:crypto";
import type { Page, Response } from "@playwright/test";
import { site } from "../src/config/site";
import { checkPage, expect, signUp, test } from "./support/fixtures";

/*
 * The free plan as a person meets it: its limit (10 API requests a minute) is spent on what they do, one request a
 * question, never on opening pages. What a person would notice is counted: a 429, an alert, a lost message.
 */

function chatPage(page: Page) {
  const messages = page.getByRole("region", { name: "Messages" });
  return {
    input: page.getByLabel("Message", { exact: true }),
    send: page.getByRole("button", { name: "Send" }),
    questions: messages.getByRole("listitem").filter({ hasText: /^You said:/ }),
    /** The conversation's own alert (Next.js's route announcer is an alert too, outside it). */
    alert: page.getByRole("main").getByRole("alert"),
  };
}

/** Asks a question and waits for its answer to end. */
async function ask(page: Page, question: string) {
  const chat = chatPage(page);
  await chat.input.fill(question);
  await chat.input.press("Enter");
  await expect(chat.questions.filter({ hasText: question })).toBeVisible();
  await expect(chat.send).toBeVisible({ timeout: 30_000 });
}

test("a minute and a half of chatting and looking around at a human pace meets no 429 and loses nothing", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page);
  const refused: string[] = [];
  page.on("response", (response: Response) => {
    if (response.status() === 429) refused.push(`${response.request().method()} ${response.url()}`);
  });
  const chat = chatPage(page);
  const asked: string[] = [];
  const started = Date.now();
  await page.goto("/chat");
  for (let turn = 0; Date.now() - started < 90_000; turn++) {
    const question = `Question ${turn + 1} (${randomUUID().slice(0, 8)})`;
    await ask(page, question);
    asked.push(question);
    // Between questions, a look at every other page of the app, as people click around.
    if (turn % 3 === 2) {
      const back = page.url();
      const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
      for (const href of await links.evaluateAll((all) => all.map((link) => link.getAttribute("href")))) {
        if (href && !href.startsWith("/chat")) await page.goto(href);
      }
      await page.goto(back);
    }
    await page.waitForTimeout(7_000);
  }
  expect(asked.length).toBeGreaterThanOrEqual(9);
  expect(refused).toEqual([]);
  await expect(chat.alert).toHaveCount(0);
  await page.reload();
  await expect(chat.questions).toHaveText(asked.map((question) => `You said: ${question}`));
});

test("the eleventh question in a minute is refused with when to try again, and stays in the box", async ({
  page,
  consoleErrors,
}) => {
  await signUp(page);
  await page.goto("/chat");
  const chat = chatPage(page);
  for (let question = 1; question <= 10; question++) await ask(page, `Quick question ${question}`);

  const eleventh = "One question too many, kept for later";
  await chat.input.fill(eleventh);
  await chat.input.press("Enter");
  await expect(chat.alert).toContainText(/try again in \d+ seconds?/);
  await expect(chat.input).toHaveValue(eleventh);
  await expect(chat.questions).toHaveCount(10);
  // The refusal is all the browser's console says: the 429 of POST /api/chat.
  expect(consoleErrors.every((error) => /status of 429/.test(error))).toBe(true);
  consoleErrors.length = 0;
});

test("once the month's AI tokens are spent, the chat says when they renew and offers the plans; settings shows it", async ({
  page,
  consoleErrors,
}) => {
  await signUp(page);
  await page.goto("/settings");
  const usage = page.getByTestId("ai-usage");
  await expect(usage).toContainText("0 of 6,000 tokens used; renews");

  // The fake model says an expensive answer cost 6,000 tokens: the next question finds the allowance (6,000 here) spent.
  await page.goto("/chat");
  const chat = chatPage(page);
  await ask(page, "An expensive answer, please");
  const next = "Is there any allowance left?";
  await chat.input.fill(next);
  await chat.input.press("Enter");
  await expect(chat.alert).toContainText(/AI allowance of the Free plan is used up .* it renews on \w+ \d+, \d{4}\./);
  if (site.upgradePath)
    await expect(chat.alert.getByRole("link", { name: "See the plans" })).toHaveAttribute("href", site.upgradePath);
  await expect(chat.input).toHaveValue(next);
  await checkPage(page, "chat-quota-spent");
  expect(consoleErrors.every((error) => /status of 429/.test(error))).toBe(true);
  consoleErrors.length = 0;

  await page.goto("/settings");
  await expect(usage).toContainText(/6,\d{3} of 6,000 tokens used; renews \w+ \d+, \d{4}/);
  const used = Number((await usage.locator("span.text-lg").textContent())!.replaceAll(",", ""));
  expect(used).toBeGreaterThan(6000);
});
