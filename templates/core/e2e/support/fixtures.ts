import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test as base } from "@playwright/test";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { requireEmailVerification } from "../../src/config/auth";

export { expect };

export interface Account {
  email: string;
  password: string;
  name: string;
}

/** A fresh account's details; every test signs up its own user, so tests never share state. */
export function newAccount(): Account {
  const id = randomUUID().slice(0, 8);
  return { email: `e2e-${id}@example.com`, password: `pw-${randomUUID()}`, name: `Test ${id}` };
}

interface Fixtures {
  /** Fails the test when the page logged an error or threw (hydration mismatches included). */
  consoleErrors: string[];
}

/**
 * A client address of the test's own, from its id: Better Auth allows one address only a few sign-ups and sign-ins
 * per ten seconds, and the tests are many users. The app the tests start trusts one proxy (TRUSTED_PROXY_HOPS=1), and
 * each test plays it, saying its client's address in X-Forwarded-For.
 */
function clientAddress(testId: string): string {
  const digest = createHash("sha256").update(testId).digest();
  return `10.${digest[0]}.${digest[1]}.${digest[2]! || 1}`;
}

/**
 * The headers of a request the test sends the app itself, as its pages would: the app's origin (Better Auth checks it
 * on a request that is not a page's) and the test's client address.
 */
export function appHeaders(): Record<string, string> {
  return { origin: appOrigin(), "x-forwarded-for": clientAddress(test.info().testId) };
}

export const test = base.extend<Fixtures>({
  // The address goes on the app's requests only: on a request to another origin (an upload bucket) the browser would
  // first ask that origin, in a CORS preflight, whether it takes the header, and a bucket's CORS rules do not.
  context: async ({ context, baseURL }, provide, testInfo) => {
    const address = clientAddress(testInfo.testId);
    await context.route(`${new URL(baseURL!).origin}/**`, (route) =>
      route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": address } }),
    );
    await provide(context);
  },
  consoleErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
      await provide(errors);
      expect(errors, "the browser console had errors").toEqual([]);
    },
    { auto: true },
  ],
});

/** Signs a new account up through the sign-up page, ending on the page it leads to. */
export async function signUpThroughPage(page: Page, account = newAccount()): Promise<Account> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  if (requireEmailVerification) {
    await expect(page.getByText(`We sent a link to ${account.email}`)).toBeVisible();
    await page.goto(await mailedLink(account.email, "/api/auth/verify-email"));
  }
  await page.waitForURL("**/chat");
  return account;
}

/** Signs a new account up through the API (faster, for tests about something else); the page's cookies have it. */
export async function signUp(page: Page, account = newAccount()): Promise<Account> {
  // Against an app that does not trust X-Forwarded-For (E2E_BASE_URL), all tests share one address: they wait their turn.
  for (let attempt = 0; ; attempt++) {
    const response = await page.request.post("/api/auth/sign-up/email", {
      data: account,
      headers: appHeaders(),
    });
    const retryAfter = Number(response.headers()["x-retry-after"] ?? response.headers()["retry-after"] ?? 0);
    if (response.status() === 429 && attempt < 5) {
      await page.waitForTimeout(Math.max(1, retryAfter) * 1000);
      continue;
    }
    expect(response.status(), await response.text()).toBe(200);
    if (requireEmailVerification) {
      // Signed in by the mailed link, as the person would be.
      const link = await mailedLink(account.email, "/api/auth/verify-email");
      const verified = await page.request.get(link, { headers: appHeaders(), maxRedirects: 0 });
      expect(verified.status(), await verified.text()).toBe(302);
    }
    return account;
  }
}

/**
 * The link of the newest mail to `to` whose link contains `linkPart`, from the app's development outbox (data/mail),
 * where the app the tests start writes every mail whatever sends it (EMAIL_OUTBOX=on).
 */
export async function mailedLink(to: string, linkPart: string): Promise<string> {
  const directory = path.join(process.env.E2E_APP_DIR ?? process.cwd(), "data", "mail");
  let link: string | undefined;
  await expect
    .poll(async () => (link = await newestLink(directory, to, linkPart)), {
      message: `a mail to ${to} with a link to ${linkPart} in ${directory}`,
    })
    .toBeTruthy();
  return link!;
}

async function newestLink(directory: string, to: string, linkPart: string): Promise<string | undefined> {
  const names = await readdir(directory).catch(() => []);
  // The names start with the time they were written, so the newest sorts last.
  for (const name of names
    .filter((file) => file.endsWith(".json"))
    .sort()
    .reverse()) {
    const mail = JSON.parse(await readFile(path.join(directory, name), "utf8")) as { to: string; link: string | null };
    if (mail.to === to && mail.link?.includes(linkPart)) return mail.link;
  }
  return undefined;
}

/** The origin of the app under test, which Better Auth wants in `Origin` on a request that is not a page's. */
export function appOrigin(): string {
  return new URL(test.info().project.use.baseURL!).origin;
}

/** What the fake model saw of an answer's end: the app closed its connection at `at` (epoch ms). */
export interface ModelDisconnect {
  question: string;
  at: number;
  pieces: number;
}

/**
 * When the app closed the fake model's connection of the answer to `question`, if it has: the fake the tests start
 * beside the app (playwright.config.ts) listens on the app's port + 1 and lists what it saw at /disconnects.
 */
export async function modelDisconnect(question: string): Promise<ModelDisconnect | undefined> {
  const model = new URL(appOrigin());
  model.port = String(Number(model.port) + 1);
  model.hostname = "127.0.0.1";
  const response = await fetch(new URL("/disconnects", model));
  const disconnects = (await response.json()) as ModelDisconnect[];
  return disconnects.find((disconnect) => disconnect.question === question);
}

const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

/**
 * Checks the page as it is now for accessibility (no serious or critical axe violations) in the light and the dark
 * theme, and saves a screenshot of it in both themes at desktop and phone width (test-results/screens/).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // Colours change with a transition: axe must see where they end, not a frame on the way.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation instanceof CSSTransition)
          // A transition that another replaces is cancelled, and its promise rejects: that one is over too.
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(", ")})`,
      );
    expect(serious, `accessibility of ${name} (${colorScheme})`).toEqual([]);
    for (const [width, size] of Object.entries(viewports)) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `test-results/screens/${name}-${colorScheme}-${width}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: null });
  if (original) await page.setViewportSize(original);
}
