import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { passwordResetMessage } from "./messages";
import { deliverWithoutSetting, keepsOutboxCopy, type OutboxEntry, writeToOutbox } from "./outbox";

const reset = passwordResetMessage({
  appName: "Shop",
  to: "ada@example.com",
  url: "http://localhost:3000/api/auth/reset-password/tok123?callbackURL=%2Freset-password",
});

let project: string;

beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "outbox-"));
  vi.spyOn(process, "cwd").mockReturnValue(project);
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await rm(project, { recursive: true, force: true });
});

async function outbox(): Promise<OutboxEntry[]> {
  const directory = path.join(project, "data", "mail");
  const files = (await readdir(directory)).sort();
  return Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(directory, file), "utf8"))));
}

describe("the development outbox", () => {
  it("writes each message to data/mail as JSON with its link, and logs one line with the link", async () => {
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    const file = await writeToOutbox(reset);

    expect(path.dirname(file)).toBe(path.join(project, "data", "mail"));
    expect(path.basename(file)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{8}\.json$/);
    const [entry] = await outbox();
    expect(entry).toEqual({
      to: "ada@example.com",
      subject: "Reset your Shop password",
      text: reset.text,
      html: reset.html,
      link: reset.link,
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(entry!.text).toContain(reset.link);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain(`to ada@example.com: Reset your Shop password ${reset.link}`);
  });

  it("keeps every message: two sent at once are two files", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    await Promise.all([writeToOutbox(reset), writeToOutbox({ ...reset, to: "bob@example.com" })]);
    expect((await outbox()).map((entry) => entry.to).sort()).toEqual(["ada@example.com", "bob@example.com"]);
  });

  it("takes the first link of the text when the message names none", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    await writeToOutbox({
      to: "ada@example.com",
      subject: "Hi",
      text: "Open https://example.com/a?b=1 now",
      html: "<p>Hi</p>",
    });
    expect((await outbox())[0]!.link).toBe("https://example.com/a?b=1");
  });
});

describe("a provider without its setting", () => {
  it("sends to the outbox in development, warning once", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.spyOn(console, "info").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await deliverWithoutSetting("Test", "TEST_ONLY_KEY", reset, keepsOutboxCopy(undefined));
    await deliverWithoutSetting("Test", "TEST_ONLY_KEY", reset, keepsOutboxCopy(undefined));
    expect(await outbox()).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain("TEST_ONLY_KEY is not set");
  });

  it("is an error naming the variable in production, and writes nothing", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(deliverWithoutSetting("Test", "TEST_ONLY_KEY", reset, keepsOutboxCopy(undefined))).rejects.toThrow(
      "set TEST_ONLY_KEY",
    );
    await expect(readdir(path.join(project, "data", "mail"))).rejects.toThrow();
  });

  it("sends to the outbox in production too when EMAIL_OUTBOX is on (a server under browser tests)", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.spyOn(console, "info").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await deliverWithoutSetting("Test", "TEST_ONLY_KEY", reset, keepsOutboxCopy("on"));
    expect(await outbox()).toHaveLength(1);
  });
});

describe("a copy of what a provider sends", () => {
  it("is kept outside production unless EMAIL_OUTBOX is off, and in production only when it is on", () => {
    vi.stubEnv("NODE_ENV", "development");
    expect([keepsOutboxCopy(undefined), keepsOutboxCopy("off"), keepsOutboxCopy("on")]).toEqual([true, false, true]);
    vi.stubEnv("NODE_ENV", "production");
    expect([keepsOutboxCopy(undefined), keepsOutboxCopy("off"), keepsOutboxCopy("on")]).toEqual([false, false, true]);
  });
});
