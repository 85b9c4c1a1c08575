import { connect } from "node:net";
import { expect } from "vitest";
import { Browser } from "../support/http.js";
import { errorShape, type Suite } from "../support/suite.js";

/** What a server answers to a request that declares `declaredLength` bytes and sends only `sent`; rejects after 3 s. */
function declaredButNotSent(baseUrl: string, path: string, declaredLength: number, sent: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${declaredLength}\r\n\r\n${sent}`,
      );
    });
    let answer = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No answer within 3 s to a declared ${declaredLength}-byte body`));
    }, 3_000);
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString();
      if (/\r\n\r\n[\s\S]*\}/.test(answer)) {
        clearTimeout(timer);
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on("error", reject);
  });
}

/**
 * Issue 11, items 1, 4 and 8: the auth throttle cannot be dodged with X-Forwarded-For (the app runs with
 * TRUSTED_PROXY_HOPS=1, so each Browser's header is its address, as behind one proxy), failed sign-ins are limited per
 * account and failed API keys per address; auth bodies are limited (a huge declared length answered at once); a
 * database outage is 503 with Retry-After for sign-in, sign-up, a cookie and an API key.
 */
export function hardeningAuthSteps(suite: Suite): void {
  suite.pipeline.step("limits failed sign-ins per account, from however many addresses", async () => {
    const victim = await suite.newUser("victim");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push((await new Browser(suite.url).signIn(victim.email, "not the password")).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  suite.pipeline.step("throttles sign-ups per address, in the error shape with Retry-After", async () => {
    const client = new Browser(suite.url);
    const replies = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      replies.push(await client.signUp(`burst-${Date.now()}-${attempt}@example.com`));
    }
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 429]);
    expect(replies[3]!.json).toMatchObject(errorShape("RATE_LIMITED"));
    expect(Number(replies[3]!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  suite.pipeline.step("limits failed API-key authentications per address", async () => {
    if (!suite.combination.apiKeys) return;
    const guesser = new Browser(suite.url);
    const statuses: number[] = [];
    for (let guess = 0; guess < 22; guess++) {
      statuses.push((await guesser.request("GET", "/api/chats", undefined, { "x-api-key": `craft_guess${guess}` })).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  suite.pipeline.step("limits auth bodies and fields; a huge declared length is refused at once", async () => {
    const answer = await declaredButNotSent(suite.url, "/api/auth/sign-up/email", 64 * 1024 * 1024, '{"email":"a@b.c');
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');

    const client = new Browser(suite.url);
    const huge = await client.post("/api/auth/sign-up/email", {
      email: `huge-${Date.now()}@example.com`,
      password: "a long enough password",
      name: "x".repeat(900 * 1024),
    });
    expect([huge.status, huge.json]).toEqual([413, errorShape("PAYLOAD_TOO_LARGE")]);
    const longName = await client.post("/api/auth/sign-up/email", {
      email: `long-${Date.now()}@example.com`,
      password: "a long enough password",
      name: "x".repeat(101),
    });
    expect([longName.status, longName.json]).toEqual([400, errorShape("INVALID_REQUEST")]);
  });

  suite.pipeline.step("answers 503 with Retry-After for auth, cookies and API keys while PostgreSQL is down", async () => {
    if (!suite.databaseUrl) return;
    const owner = await suite.newUser("outage");
    const created = await owner.browser.post("/api/keys", { name: "outage" });
    const key = (created.json as { key?: string } | undefined)?.key;
    const unreachable = new URL(suite.databaseUrl);
    unreachable.port = "1";
    const down = await suite.startAnotherApp({ DATABASE_URL: unreachable.toString(), TRUSTED_PROXY_HOPS: "1" });

    const replies = [
      await new Browser(down.url).signIn(owner.email),
      await new Browser(down.url).signUp(`down-${Date.now()}@example.com`),
      await owner.browser.request("GET", "/api/chats", undefined, {}, down.url),
      ...(key ? [await new Browser(down.url).request("GET", "/api/chats", undefined, { "x-api-key": key })] : []),
    ];
    for (const reply of replies) {
      expect([reply.status, reply.json], reply.text).toEqual([503, errorShape("SERVICE_UNAVAILABLE")]);
      expect(Number(reply.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });
}
