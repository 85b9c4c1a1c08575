import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import net from "node:net";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { keepsOutboxCopy } from "./outbox";
import { smtpTransport } from "./transport";

const message = {
  to: "ada@example.com",
  subject: "Reset your password",
  text: "Choose a new password here:\nhttp://localhost:3000/api/auth/reset-password/tok_4f9a2c?callbackURL=%2Freset-password\n",
  html: '<p><a href="http://localhost:3000/api/auth/reset-password/tok_4f9a2c">Choose a new password</a></p>',
};

interface Received {
  login: string;
  from: string;
  to: string[];
  /** The message as it arrived (headers and MIME body), dot-stuffing undone. */
  data: string;
}

/**
 * A minimal SMTP server: EHLO offering AUTH PLAIN, AUTH, MAIL FROM, RCPT TO, DATA, QUIT; it keeps what arrives.
 * With `rejectRecipients` it refuses every RCPT TO with 550, as a server does for an unknown mailbox.
 */
let received: Received[] = [];
let rejectRecipients = false;
let port: number;
const server = net.createServer((socket) => {
  let buffer = "";
  let inData = false;
  let current: Received = { login: "", from: "", to: [], data: "" };
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply("220 fake-smtp ESMTP ready");
  socket.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    for (;;) {
      if (inData) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end === -1) return;
        current.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
        buffer = buffer.slice(end + 5);
        inData = false;
        received.push(current);
        current = { login: current.login, from: "", to: [], data: "" };
        reply("250 2.0.0 queued");
        continue;
      }
      const lineEnd = buffer.indexOf("\r\n");
      if (lineEnd === -1) return;
      const line = buffer.slice(0, lineEnd);
      buffer = buffer.slice(lineEnd + 2);
      const verb = line.split(" ", 1)[0]!.toUpperCase();
      if (verb === "EHLO") reply("250-fake-smtp\r\n250 AUTH PLAIN");
      else if (verb === "AUTH") {
        const [, user, pass] = Buffer.from(line.split(" ")[2] ?? "", "base64")
          .toString("utf8")
          .split("\0");
        current.login = `${user}:${pass}`;
        reply("235 2.7.0 authenticated");
      } else if (verb === "MAIL") {
        current.from = /<(.*)>/.exec(line)![1]!;
        reply("250 2.1.0 ok");
      } else if (verb === "RCPT") {
        if (rejectRecipients) reply("550 5.1.1 no such mailbox");
        else {
          current.to.push(/<(.*)>/.exec(line)![1]!);
          reply("250 2.1.5 ok");
        }
      } else if (verb === "DATA") {
        inData = true;
        reply("354 end with <CRLF>.<CRLF>");
      } else if (verb === "QUIT") {
        reply("221 2.0.0 bye");
        socket.end();
      } else if (verb === "RSET" || verb === "NOOP") reply("250 2.0.0 ok");
      else reply("502 5.5.2 unknown command");
    }
  });
  socket.on("error", () => {});
});

/** Quoted-printable undone (soft line breaks and =XX), enough to read what a plain ASCII message says. */
function unquote(data: string): string {
  return data
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
  rejectRecipients = false;
});

describe("the SMTP transport", () => {
  it("logs in with the URL's user and password and delivers the message, text and HTML", async () => {
    const transport = smtpTransport({
      url: `smtp://mailer:s3cret@127.0.0.1:${port}`,
      from: "Shop <no-reply@example.com>",
    });
    await transport.deliver(message);

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail).toMatchObject({ login: "mailer:s3cret", from: "no-reply@example.com", to: ["ada@example.com"] });
    expect(mail!.data).toMatch(/^From: Shop <no-reply@example\.com>$/m);
    expect(mail!.data).toMatch(/^To: ada@example\.com$/m);
    expect(mail!.data).toMatch(/^Subject: Reset your password$/m);
    expect(mail!.data).toMatch(/^Content-Type: text\/plain/m);
    expect(mail!.data).toMatch(/^Content-Type: text\/html/m);
    const body = unquote(mail!.data);
    expect(body).toContain("http://localhost:3000/api/auth/reset-password/tok_4f9a2c?callbackURL=%2Freset-password");
    expect(body).toContain(message.html);
  });

  it("also copies the message sent to the outbox when told to", async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), "smtp-copy-"));
    vi.spyOn(process, "cwd").mockReturnValue(project);
    vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const url = `smtp://127.0.0.1:${port}`;
      await smtpTransport({ url, from: "no-reply@example.com", outboxCopy: true }).deliver(message);
      expect(received).toHaveLength(1);
      const [file] = await readdir(path.join(project, "data", "mail"));
      const copy = JSON.parse(await readFile(path.join(project, "data", "mail", file!), "utf8"));
      expect(copy).toMatchObject({ to: message.to, subject: message.subject, text: message.text });
    } finally {
      vi.restoreAllMocks();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("rejects when the server refuses the recipient", async () => {
    rejectRecipients = true;
    const transport = smtpTransport({ url: `smtp://127.0.0.1:${port}`, from: "no-reply@example.com" });
    await expect(transport.deliver(message)).rejects.toThrow(/550/);
    expect(received).toEqual([]);
  });

  it("rejects when the server cannot be reached", async () => {
    const transport = smtpTransport({ url: "smtp://127.0.0.1:9", from: "no-reply@example.com" });
    await expect(transport.deliver(message)).rejects.toThrow();
  });

  it("needs EMAIL_FROM once SMTP_URL is set", async () => {
    await expect(smtpTransport({ url: `smtp://127.0.0.1:${port}` }).deliver(message)).rejects.toThrow("set EMAIL_FROM");
  });

  it("without SMTP_URL, refuses in production, naming it", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const transport = smtpTransport({ from: "no-reply@example.com", outboxCopy: keepsOutboxCopy(undefined) });
      await expect(transport.deliver(message)).rejects.toThrow("set SMTP_URL");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
