import { expect } from "vitest";
import { Browser } from "../support/http.js";
import { errorShape, type Suite } from "../support/suite.js";

/** API keys: created by a signed-in user, accepted as Bearer and x-api-key, counted for their user, revoked. */
export function apiKeySteps(suite: Suite): void {
  suite.pipeline.step("authenticates with API keys until they are revoked", async () => {
    const dave = await suite.newUser("dave");
    const created = await dave.browser.post("/api/keys", { name: "ci" });
    expect(created.status, created.text).toBe(201);
    const { key, id: keyId } = created.json as { key: string; id: string };

    const machine = new Browser(suite.url);
    const asBearer = await machine.request("GET", "/api/chats", undefined, { authorization: `Bearer ${key}` });
    expect([asBearer.status, asBearer.json]).toEqual([200, []]);
    const asHeader = await machine.request("GET", "/api/chats", undefined, { "x-api-key": key });
    expect(asHeader.status).toBe(200);
    // Both requests counted for dave, whose free plan allows 10 a minute (creating the key was one more).
    expect(asHeader.headers.get("x-ratelimit-remaining")).toBe("7");
    const withCookie = await dave.browser.get("/api/chats");
    expect(withCookie.headers.get("x-ratelimit-remaining")).toBe("6");

    const listed = await dave.browser.get("/api/keys");
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(key);

    const revoked = await dave.browser.delete(`/api/keys/${keyId}`);
    expect([revoked.status, revoked.json], revoked.text).toEqual([200, { success: true }]);
    const afterRevoke = await machine.request("GET", "/api/chats", undefined, { authorization: `Bearer ${key}` });
    expect([afterRevoke.status, afterRevoke.json]).toEqual([401, errorShape("UNAUTHORIZED")]);
    const unknown = await machine.request("GET", "/api/chats", undefined, { "x-api-key": "craft_unknown" });
    expect([unknown.status, unknown.json]).toEqual([401, errorShape("UNAUTHORIZED")]);
  });
}
