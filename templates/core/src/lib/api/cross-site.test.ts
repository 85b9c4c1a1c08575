import { describe, expect, it } from "vitest";
import { isForgeryRisk } from "./cross-site";

const APP = "https://app.example.com";
const allowsOrigin = (origin: string) => origin === APP;
const request = (method: string, headers: Record<string, string>) =>
  new Request(`${APP}/api/chats/1`, { method, headers });
const withCookie = (headers: Record<string, string> = {}) => ({ cookie: "better-auth.session_token=abc", ...headers });

describe("isForgeryRisk", () => {
  it("refuses a state-changing cookie request from an origin the API does not allow", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isForgeryRisk(request(method, withCookie({ origin: "https://evil.example" })), allowsOrigin)).toBe(true);
    }
    expect(isForgeryRisk(request("POST", withCookie({ origin: "null" })), allowsOrigin)).toBe(true);
  });

  it("lets the same request through from an allowed origin", () => {
    expect(isForgeryRisk(request("DELETE", withCookie({ origin: APP })), allowsOrigin)).toBe(false);
  });

  it("without an Origin, trusts Sec-Fetch-Site only when it says same-origin or none", () => {
    const fetchedFrom = (site: string) => request("POST", withCookie({ "sec-fetch-site": site }));
    expect(isForgeryRisk(fetchedFrom("same-origin"), allowsOrigin)).toBe(false);
    expect(isForgeryRisk(fetchedFrom("none"), allowsOrigin)).toBe(false);
    expect(isForgeryRisk(fetchedFrom("same-site"), allowsOrigin)).toBe(true);
    expect(isForgeryRisk(fetchedFrom("cross-site"), allowsOrigin)).toBe(true);
  });

  it("lets a client that is no browser (neither Origin nor Sec-Fetch-Site, like curl) use its own cookie", () => {
    expect(isForgeryRisk(request("POST", withCookie()), allowsOrigin)).toBe(false);
  });

  it("never concerns reads, nor requests without cookies such as those with an API key", () => {
    expect(isForgeryRisk(request("GET", withCookie({ origin: "https://evil.example" })), allowsOrigin)).toBe(false);
    const withKey = request("POST", { origin: "https://evil.example", authorization: "Bearer key" });
    expect(isForgeryRisk(withKey, allowsOrigin)).toBe(false);
  });
});
