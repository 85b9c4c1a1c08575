import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { checkPage, expect, signUp, test } from "./support/fixtures";

/* Answers are only checked for arriving and finishing, never for their words: the app may talk to a real model. */

function chatPage(page: Page) {
  const messages = page.getByRole("region", { name: "Messages" });
  return {
    input: page.getByLabel("Message", { exact: true }),
    send: page.getByRole("button", { name: "Send" }),
    stop: page.getByRole("button", { name: "Stop" }),
    chatList: page.getByRole("navigation", { name: "Chats" }),
    messages,
    questions: messages.getByRole("listitem").filter({ hasText: /^You said:/ }),
    /** The newest answer, once it has some text. */
    answer: messages
      .getByRole("listitem")
      .filter({ hasText: /^Assistant:\s*\S/ })
      .last(),
  };
}

test("a question is answered, kept in the list, reopened, renamed and deleted", async ({ page }) => {
  await signUp(page);
  await page.goto("/chat");
  const chat = chatPage(page);
  await expect(page.getByRole("heading", { name: "How can I help?" })).toBeVisible();
  await checkPage(page, "chat-empty");

  const question = `What is a closure in JavaScript? (${randomUUID().slice(0, 8)})`;
  await chat.input.fill(question);
  await chat.input.press("Enter");
  await expect(chat.stop).toBeVisible();
  await expect(chat.answer).toBeVisible({ timeout: 30_000 });
  await expect(chat.stop).toBeHidden({ timeout: 60_000 });
  await expect(chat.send).toBeVisible();
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);
  const chatUrl = page.url();
  await expect(chat.chatList.getByRole("link", { name: question })).toBeVisible();
  await checkPage(page, "chat");

  await page.goto("/chat");
  await page.reload();
  await chat.chatList.getByRole("link", { name: question }).click();
  await expect(page).toHaveURL(chatUrl);
  await expect(chat.questions).toHaveText([`You said: ${question}`]);
  await expect(chat.answer).toBeVisible();

  await chat.chatList.getByRole("button", { name: `Rename ${question}` }).click();
  const rename = page.getByRole("dialog", { name: "Rename chat" });
  await rename.getByLabel("Title").fill("Closures, explained");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toBeHidden();
  await expect(chat.chatList.getByRole("link", { name: "Closures, explained" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Closures, explained");

  await chat.chatList.getByRole("button", { name: "Delete Closures, explained" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this chat?" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(chat.chatList.getByRole("link", { name: "Closures, explained" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/chat$/);
});

test("Stop keeps what arrived of an answer, and the next question continues the chat", async ({ page }) => {
  await signUp(page);
  await page.goto("/chat");
  const chat = chatPage(page);

  await chat.input.fill("Write a long essay on the history of computing, at least two thousand words.");
  await chat.send.click();
  await expect(chat.answer).toBeVisible({ timeout: 30_000 });
  await chat.stop.click();
  await expect(chat.stop).toBeHidden();

  const partial = await chat.answer.textContent();
  await page.waitForTimeout(1_000);
  await expect(chat.answer).toHaveText(partial ?? "");
  const chatUrl = page.url();
  expect(chatUrl).toMatch(/\/chat\/[^/]+$/);

  // The stopped answer is still being written on the server; the next question waits for it to be stored.
  await chat.input.fill("Thanks, that is enough.");
  await chat.send.click();
  const answers = chat.messages.getByRole("listitem").filter({ hasText: /^Assistant:\s*\S/ });
  await expect(answers).toHaveCount(2, { timeout: 30_000 });
  await expect(chat.stop).toBeHidden();
  await page.reload();
  await expect(page).toHaveURL(chatUrl);
  await expect(chat.questions).toHaveCount(2);
});
