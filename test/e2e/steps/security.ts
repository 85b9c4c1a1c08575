import { expect } from "vitest";
import { Browser } from "../support/http.js";
import { newestMail } from "../support/mail.js";
import { errorShape, type Suite, type TestUser } from "../support/suite.js";

const PASSWORD = "a long enough password";
const NEW_PASSWORD = "a brand new long password";

/** Issue 19: what an attacker found in sign-in, redirects, keys, uploads and billing, each tried again over HTTP. */
export function securitySteps(suite: Suite): void {
  /** A new API key of the user's, made through /api/keys. */
  async function newKey(user: TestUser, name: string): Promise<string> {
    const created = await user.browser.post("/api/keys", { name });
    expect(created.status, created.text).toBe(201);
    return created.json.key as string;
  }

  /** What a request with this API key gets, from a client of its own. */
  const withKey = (key: string) => new Browser(suite.url).request("GET", "/api/me", undefined, { "x-api-key": key });

  /** Sets a new password as a user who forgot theirs does: the mailed link, then the form of the page it leads to. */
  async function resetPassword(email: string): Promise<string> {
    const requested = await new Browser(suite.url).post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    expect(requested.status, requested.text).toBe(200);
    const mail = await newestMail(suite, email, "/api/auth/reset-password/");
    const link = new URL(mail.link);
    const followed = await new Browser(suite.url).get(`${link.pathname}${link.search}`);
    const token = new URL(followed.headers.get("location")!, suite.url).searchParams.get("token");
    expect(token, followed.text).toBeTruthy();
    const reset = await new Browser(suite.url).post("/api/auth/reset-password", { newPassword: NEW_PASSWORD, token });
    expect([reset.status, reset.json]).toEqual([200, { status: true }]);
    return mail.text;
  }

  /** How often the app has asked the payment provider's fake to make a customer. */
  const customerCreations = () =>
    suite.payments!.calls.filter((call) => call.method === "POST" && /\/customers\/?$/.test(call.path)).length;

  /** The token of the browser's session, as its cookie carries it (signed: `<token>.<signature>`). */
  const sessionToken = (browser: Browser) => {
    const cookie = browser.cookieHeader.split("; ").find((pair) => pair.split("=", 1)[0]!.endsWith("session_token"));
    expect(cookie, browser.cookieHeader).toBeDefined();
    return decodeURIComponent(cookie!.slice(cookie!.indexOf("=") + 1)).split(".")[0]!;
  };

  suite.pipeline.step("sends a signed-in visitor of sign-in or sign-up only to a path on this site, whatever `next` says", async () => {
    const user = await suite.newUser("redirected");
    const tricks = ["/\t/evil.example/phish", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example"];
    for (const page of ["/sign-in", "/sign-up"]) {
      for (const next of tricks) {
        const reply = await user.browser.get(`${page}?next=${encodeURIComponent(next)}`);
        expect(reply.status, `${page} ${JSON.stringify(next)}`).toBe(307);
        const location = new URL(reply.headers.get("location")!, suite.url);
        expect(location.origin, `${page} ${JSON.stringify(next)}`).toBe(new URL(suite.url).origin);
        expect(location.pathname).toBe("/chat");
      }
      const kept = await user.browser.get(`${page}?next=${encodeURIComponent("/settings?tab=keys")}`);
      expect(new URL(kept.headers.get("location")!, suite.url).href).toBe(new URL("/settings?tab=keys", suite.url).href);
    }
  });

  suite.pipeline.step("a password reset revokes the account's API keys with its sessions, as its page and mail say", async () => {
    if (!suite.combination.apiKeys) return;
    const user = await suite.newUser("forgetful");
    const key = await newKey(user, "before the reset");
    expect((await withKey(key)).status).toBe(200);

    const mail = await resetPassword(user.email);

    expect(mail).toContain("revokes your API keys");
    const refused = await withKey(key);
    expect([refused.status, refused.json]).toEqual([401, errorShape("UNAUTHORIZED")]);
    expect((await user.browser.get("/api/auth/get-session")).json).toBeNull();
    const page = await new Browser(suite.url).get("/reset-password?token=unused");
    expect(page.text).toContain("signs you out on every device and revokes your API keys");
  });

  suite.pipeline.step("a password change that signs out elsewhere revokes the API keys too; one that does not keeps them", async () => {
    if (!suite.combination.apiKeys) return;
    for (const revokeOtherSessions of [false, true]) {
      const user = await suite.newUser(revokeOtherSessions ? "changes-everything" : "changes-password");
      const key = await newKey(user, "before the change");
      const changed = await user.browser.post("/api/auth/change-password", {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
        revokeOtherSessions,
      });
      expect(changed.status, changed.text).toBe(200);
      expect((await withKey(key)).status, `revokeOtherSessions: ${revokeOtherSessions}`).toBe(revokeOtherSessions ? 401 : 200);
    }
  });

  suite.pipeline.step("Better Auth's API-key endpoints answer 404: a key is stored only through /api/keys, which checks it", async () => {
    if (!suite.combination.apiKeys) return;
    const user = await suite.newUser("bell");
    const forged = await user.browser.post("/api/auth/api-key/create", { name: "bell\u0007\u001b[2J" });
    expect([forged.status, forged.json], forged.text).toMatchObject([404, errorShape("NOT_FOUND")]);
    for (const [method, path] of [
      ["GET", "/api/auth/api-key/list"],
      ["GET", "/api/auth/api-key/get?id=any"],
      ["POST", "/api/auth/api-key/update"],
      ["POST", "/api/auth/api-key/delete"],
    ] as const) {
      const reply = await user.browser.request(method, path, method === "POST" ? { keyId: "any", name: "x" } : undefined);
      expect([reply.status, reply.json], path).toMatchObject([404, errorShape("NOT_FOUND")]);
    }
    const refused = await user.browser.post("/api/keys", { name: "bell\u0007" });
    expect([refused.status, refused.json]).toEqual([400, errorShape("INVALID_REQUEST")]);
    const listed = await user.browser.get("/api/keys");
    expect([listed.status, listed.json]).toEqual([200, []]);
  });

  suite.pipeline.step("checkout answers 404 PLAN_NOT_FOUND to a plan id every object inherits, and makes no customer", async () => {
    if (suite.combination.payments === "none") return;
    const user = await suite.newUser("inherited");
    const before = customerCreations();
    for (const planId of ["constructor", "__proto__", "toString", "valueOf"]) {
      const reply = await user.browser.post("/api/checkout", { planId });
      expect([reply.status, reply.json], planId).toEqual([404, errorShape("PLAN_NOT_FOUND")]);
    }
    expect(customerCreations()).toBe(before);
    const subscription = await user.browser.get("/api/billing/subscription");
    expect(subscription.json).toMatchObject({ plan: "free", status: "none" });
  });

  suite.pipeline.step("six concurrent first checkouts of one user make one customer at the provider", async () => {
    if (suite.combination.payments === "none") return;
    const user = await suite.newUser("hasty");
    const before = customerCreations();
    const replies = await Promise.all(Array.from({ length: 6 }, () => user.browser.post("/api/checkout", { planId: "pro" })));
    for (const reply of replies) expect(reply.status, reply.text).toBe(200);
    expect(customerCreations()).toBe(before + 1);
  });

  suite.pipeline.step("lists sessions by id, never by token; signs one out by its id, for its owner only", async () => {
    const user = await suite.newUser("devices");
    const elsewhere = new Browser(suite.url);
    expect((await elsewhere.signIn(user.email)).status).toBe(200);
    const tokens = [sessionToken(user.browser), sessionToken(elsewhere)];

    const betterAuthList = await user.browser.get("/api/auth/list-sessions");
    expect([betterAuthList.status, betterAuthList.json]).toMatchObject([404, errorShape("NOT_FOUND")]);
    const listed = await user.browser.get("/api/sessions");
    expect(listed.status, listed.text).toBe(200);
    const sessions = listed.json as { id: string; current: boolean }[];
    expect(sessions.map((session) => session.current)).toEqual([true, false]);
    const page = await user.browser.get("/settings");
    expect(page.status).toBe(200);
    for (const session of sessions) expect(page.text).toContain(session.id);
    for (const token of tokens) {
      expect(listed.text).not.toContain(token);
      expect(page.text).not.toContain(token);
    }

    const other = sessions[1]!.id;
    const stranger = await suite.newUser("stranger");
    const foreign = await stranger.browser.delete(`/api/sessions/${other}`);
    expect([foreign.status, foreign.json]).toEqual([404, errorShape("NOT_FOUND")]);
    expect((await elsewhere.get("/api/auth/get-session")).json).not.toBeNull();

    const revoked = await user.browser.delete(`/api/sessions/${other}`);
    expect([revoked.status, revoked.json]).toEqual([200, { success: true }]);
    expect((await elsewhere.get("/api/auth/get-session")).json).toBeNull();
    expect((await user.browser.get("/api/auth/get-session")).json).not.toBeNull();
  });
}
