import net from "node:net";
import type { AddressInfo } from "node:net";
import { FAKE_SENDER, type FakeEmail, type ReceivedEmail } from "./types.js";

const USER = "craftjs";
const PASSWORD = "e2e-s3cret";

/**
 * An SMTP server as far as nodemailer needs one: EHLO offering AUTH PLAIN (only the right login is accepted), MAIL
 * FROM, RCPT TO, DATA, QUIT. Each message's MIME body is decoded into its text and HTML parts.
 */
export async function startFakeSmtp(): Promise<FakeEmail> {
  const messages: ReceivedEmail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buffer = "";
    let inData = false;
    let loggedIn = false;
    let envelope = { from: "", to: [] as string[] };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 fake-smtp ESMTP ready");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          const data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push({ from: envelope.from, to: envelope.to, ...parseMessage(data) });
          envelope = { from: "", to: [] };
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
          loggedIn = user === USER && pass === PASSWORD;
          reply(loggedIn ? "235 2.7.0 authenticated" : "535 5.7.8 bad credentials");
        } else if (verb === "MAIL") {
          if (!loggedIn) reply("530 5.7.0 authentication required");
          else {
            envelope.from = /<(.*)>/.exec(line)?.[1] ?? "";
            reply("250 2.1.0 ok");
          }
        } else if (verb === "RCPT") {
          envelope.to.push(/<(.*)>/.exec(line)?.[1] ?? "");
          reply("250 2.1.5 ok");
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
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    kind: "smtp",
    appEnv: { SMTP_URL: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`, EMAIL_FROM: FAKE_SENDER, EMAIL_OUTBOX: "on" },
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

interface Part {
  headers: Record<string, string>;
  body: string;
}

/** The subject, text and HTML of a MIME message (single part or nested multipart). */
function parseMessage(data: string): Pick<ReceivedEmail, "subject" | "text" | "html"> {
  const root = parsePart(data);
  const leaves = flatten(root);
  const bodyOf = (type: string) => {
    const part = leaves.find((leaf) => (leaf.headers["content-type"] ?? "text/plain").startsWith(type));
    return part ? decode(part) : "";
  };
  return { subject: root.headers.subject ?? "", text: bodyOf("text/plain"), html: bodyOf("text/html") };
}

function parsePart(raw: string): Part {
  const split = raw.indexOf("\r\n\r\n");
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? "" : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function flatten(part: Part): Part[] {
  const type = part.headers["content-type"] ?? "";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith("--"))
    .flatMap((chunk) => flatten(parsePart(chunk.replace(/^\r\n/, "").replace(/\r\n$/, ""))));
}

function decode(part: Part): string {
  const encoding = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = part.body
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return part.body;
}
