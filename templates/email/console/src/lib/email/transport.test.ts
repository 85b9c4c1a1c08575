import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { transport } from "./transport";

const message = {
  to: "ada@example.com",
  subject: "Verify your email address",
  text: "Confirm that this is your email address:\nhttp://localhost:3000/api/auth/verify-email?token=abc\n",
  html: '<p><a href="http://localhost:3000/api/auth/verify-email?token=abc">Verify my address</a></p>',
  link: "http://localhost:3000/api/auth/verify-email?token=abc",
};

let project: string;

beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "console-email-"));
  vi.spyOn(process, "cwd").mockReturnValue(project);
  vi.spyOn(console, "info").mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await rm(project, { recursive: true, force: true });
});

async function outbox(): Promise<Record<string, unknown>[]> {
  const directory = path.join(project, "data", "mail");
  return Promise.all(
    (await readdir(directory)).map(async (file) => JSON.parse(await readFile(path.join(directory, file), "utf8"))),
  );
}

describe("the console transport", () => {
  it("puts every message in the outbox with its link", async () => {
    await transport.deliver(message);
    expect(await outbox()).toEqual([expect.objectContaining({ to: "ada@example.com", link: message.link })]);
  });

  it("keeps doing so in production, with one warning that nothing is sent", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await transport.deliver(message);
    await transport.deliver(message);
    expect(await outbox()).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain("sends no email");
  });
});
