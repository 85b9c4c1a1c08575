import { expect } from "vitest";
import { findProvider } from "../../../src/providers/index.js";
import { Browser, type Reply } from "../support/http.js";
import { errorShape, type Suite } from "../support/suite.js";

/**
 * What a newcomer meets in their first ten minutes: sign-in on another local port or host name, a chat without an AI
 * key, API keys made by curl, and Better Auth's errors, each on a started app.
 */
export function firstRunSteps(suite: Suite): void {
  const { pipeline, combination } = suite;

  pipeline.step("signs up on any loopback origin and port while APP_URL is a loopback address", async () => {
    // The .env the CLI writes says http://localhost:3000; this server runs on another port and is opened as 127.0.0.1.
    const app = await suite.startAnotherApp({ APP_URL: "http://localhost:3000" });
    try {
      const origin = `http://127.0.0.1:${new URL(app.url).port}`;
      const browser = new Browser(origin);
      const signedUp = await browser.signUp(`loopback-${Date.now()}@example.com`);
      expect(signedUp.status, signedUp.text).toBe(200);
      const signedOut = await browser.post("/api/auth/sign-out", {});
      expect(signedOut.status, signedOut.text).toBe(200);
      const cors = await browser.get("/api/health");
      expect(cors.headers.get("access-control-allow-origin")).toBe(origin);
    } finally {
      await app.stop();
    }
  });

  pipeline.step("on a real domain trusts only APP_URL, and its 403 says to set APP_URL", async () => {
    const app = await suite.startAnotherApp({ APP_URL: "https://app.example.com" });
    try {
      const browser = new Browser(app.url);
      const refused = await browser.signUp(`elsewhere-${Date.now()}@example.com`);
      expect(refused.status).toBe(403);
      expect(refused.json).toEqual({ ...errorShape("INVALID_ORIGIN"), message: refused.json.error });
      expect(refused.json.error).toContain("set APP_URL to that address");
      expect((await browser.get("/api/health")).headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await app.stop();
    }
  });

  pipeline.step("answers Better Auth's errors in the error shape, keeping the message its client reads", async () => {
    const user = await suite.newUser("frank");
    const wrong = await user.browser.signIn(user.email, "not the password");
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ ...errorShape("INVALID_EMAIL_OR_PASSWORD"), message: wrong.json.error });

    // A script with the session cookie and no Origin header is told which one to send.
    const noOrigin = await curlLike(`${suite.url}/api/auth/sign-out`, "POST", {
      body: {},
      headers: { cookie: user.browser.cookieHeader },
    });
    expect([noOrigin.status, noOrigin.json.code]).toEqual([403, "MISSING_OR_NULL_ORIGIN"]);
    expect(noOrigin.json.error).toContain(`send the header Origin: ${suite.url}`);
  });

  // An OpenAI-compatible endpoint needs no key (a local Ollama takes none), so it cannot lack one.
  if (combination.ai !== "openai-compatible") {
    pipeline.step("answers 503 NOT_CONFIGURED naming the AI key variable while it is unset", async () => {
      const { apiKeyEnv } = findProvider("ai", combination.ai).templateData!.ai!;
      const app = await suite.startAnotherApp({ [apiKeyEnv]: "" });
      try {
        const user = await suite.newUser("grace");
        const asked = suite.provider!.requests.length;
        const question = { messages: [{ role: "user", content: "hi" }] };
        const reply = await user.browser.request("POST", "/api/chat", question, {}, app.url);
        expect(reply.status, reply.text).toBe(503);
        expect(reply.json).toEqual({ ...errorShape("NOT_CONFIGURED"), details: { variable: apiKeyEnv } });
        expect(reply.json.error).toContain(`set ${apiKeyEnv}`);
        expect(suite.provider!.requests.length).toBe(asked);
        expect((await user.browser.get("/api/chats")).json).toEqual([]);
      } finally {
        await app.stop();
      }
    });
  }

  if (combination.apiKeys) {
    pipeline.step("manages API keys at /api/keys with the session cookie and no Origin, as curl does", async () => {
      const user = await suite.newUser("heidi");
      const curl = (method: string, path: string, options?: CurlOptions) => curlLike(`${suite.url}${path}`, method, options);
      const withCookie = { cookie: user.browser.cookieHeader };

      const thirtyDays = 30 * 24 * 60 * 60;
      const created = await curl("POST", "/api/keys", { body: { name: "ci", expiresIn: thirtyDays }, headers: withCookie });
      expect(created.status, created.text).toBe(201);
      expect(created.json).toMatchObject({ id: expect.any(String), name: "ci", key: expect.any(String) });
      expect(created.json.expiresAt).toEqual(expect.any(String));
      const { id, key } = created.json as { id: string; key: string };
      const bearer = { authorization: `Bearer ${key}` };

      expect((await curl("GET", "/api/chats", { headers: bearer })).status).toBe(200);
      const listed = await curl("GET", "/api/keys", { headers: withCookie });
      expect(listed.json).toEqual([
        expect.objectContaining({ id, name: "ci", start: key.slice(0, 6), lastUsedAt: expect.any(String) }),
      ]);
      expect(listed.text).not.toContain(key);

      const minted = await curl("POST", "/api/keys", { body: { name: "more" }, headers: bearer });
      expect([minted.status, minted.json]).toEqual([403, errorShape("FORBIDDEN")]);
      const invalid = await curl("POST", "/api/keys", { body: { expiresIn: 5 }, headers: withCookie });
      expect([invalid.status, Object.keys(invalid.json.details.fields)]).toEqual([400, ["expiresIn"]]);
      const anonymous = await curl("GET", "/api/keys");
      expect([anonymous.status, anonymous.json]).toEqual([401, errorShape("UNAUTHORIZED")]);

      expect((await curl("DELETE", `/api/keys/${id}`, { headers: withCookie })).json).toEqual({ success: true });
      const revoked = await curl("GET", "/api/chats", { headers: bearer });
      expect([revoked.status, revoked.json]).toEqual([401, errorShape("UNAUTHORIZED")]);
      const again = await curl("DELETE", `/api/keys/${id}`, { headers: withCookie });
      expect([again.status, again.json]).toEqual([404, errorShape("NOT_FOUND")]);
    });
  }
}

interface CurlOptions {
  body?: object;
  headers?: Record<string, string>;
}

/** A request as curl sends it: JSON when there is a body, the given headers, and no Origin or other browser header. */
async function curlLike(url: string, method: string, { body, headers = {} }: CurlOptions = {}): Promise<Reply> {
  const response = await fetch(url, {
    method,
    headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}
