import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { keepsOutboxCopy } from "./outbox";
import { resendTransport } from "./transport";

const message = {
  to: "ada@example.com",
  subject: "Reset your password",
  text: "Choose a new password here:\nhttp://localhost:3000/api/auth/reset-password/tok\n",
  html: '<p><a href="http://localhost:3000/api/auth/reset-password/tok">Choose a new password</a></p>',
};

interface Received {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** A stand-in for Resend's API: POST /emails answers `{ id }`, or Resend's error shape while `refusing`. */
let received: Received[] = [];
let refusing = false;
let baseUrl: string;
const server = http.createServer((request, response) => {
  let raw = "";
  request.on("data", (chunk) => (raw += chunk));
  request.on("end", () => {
    received.push({
      method: request.method!,
      path: request.url!,
      authorization: request.headers.authorization,
      body: JSON.parse(raw || "{}"),
    });
    response.setHeader("content-type", "application/json");
    if (refusing) {
      response.statusCode = 422;
      response.end(JSON.stringify({ statusCode: 422, name: "validation_error", message: "Invalid `from` field." }));
      return;
    }
    response.end(JSON.stringify({ id: "49a3999c-0ce1-4ea6-ab68-afcd6dc2e794" }));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
  refusing = false;
});

describe("the Resend transport", () => {
  it("sends each message with one POST /emails, authenticated with the API key", async () => {
    const transport = resendTransport({ apiKey: "re_test_123", baseUrl, from: "Shop <no-reply@example.com>" });
    await transport.deliver(message);

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", path: "/emails", authorization: "Bearer re_test_123" });
    expect(received[0]!.body).toMatchObject({
      from: "Shop <no-reply@example.com>",
      to: "ada@example.com",
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  });

  it("also copies the message sent to the outbox when told to", async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), "resend-copy-"));
    vi.spyOn(process, "cwd").mockReturnValue(project);
    vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      await resendTransport({ apiKey: "re_test_123", baseUrl, from: "a@example.com", outboxCopy: true }).deliver(
        message,
      );
      expect(received).toHaveLength(1);
      expect(await readdir(path.join(project, "data", "mail"))).toHaveLength(1);
    } finally {
      vi.restoreAllMocks();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("rejects with Resend's reason when Resend refuses the message", async () => {
    refusing = true;
    const transport = resendTransport({ apiKey: "re_test_123", baseUrl, from: "not an address" });
    await expect(transport.deliver(message)).rejects.toThrow("Invalid `from` field.");
  });

  it("rejects when Resend cannot be reached", async () => {
    const transport = resendTransport({ apiKey: "re_test_123", baseUrl: "http://127.0.0.1:9", from: "a@example.com" });
    await expect(transport.deliver(message)).rejects.toThrow("Resend did not accept the message");
  });

  it("needs EMAIL_FROM once a key is set", async () => {
    await expect(resendTransport({ apiKey: "re_test_123", baseUrl }).deliver(message)).rejects.toThrow(
      "set EMAIL_FROM",
    );
    expect(received).toEqual([]);
  });

  it("without a key, writes to the outbox where it is kept (development) and calls nobody", async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), "resend-outbox-"));
    vi.spyOn(process, "cwd").mockReturnValue(project);
    vi.spyOn(console, "info").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await resendTransport({ baseUrl, outboxCopy: keepsOutboxCopy(undefined) }).deliver(message);
      expect(await readdir(path.join(project, "data", "mail"))).toHaveLength(1);
      expect(received).toEqual([]);
    } finally {
      vi.restoreAllMocks();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("without a key, refuses in production, naming RESEND_API_KEY", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const transport = resendTransport({ baseUrl, outboxCopy: keepsOutboxCopy(undefined) });
      await expect(transport.deliver(message)).rejects.toThrow("set RESEND_API_KEY");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
