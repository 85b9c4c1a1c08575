import { request as httpRequest } from "node:http";
import { expect } from "vitest";
import { Browser } from "../support/http.js";
import { errorShape, type Suite } from "../support/suite.js";

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

/** A request as sent on the wire: fetch refuses TRACE and would not send a path it cannot parse. */
function raw(baseUrl: string, method: string, path: string): Promise<RawReply> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, method, path }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk));
      response.on("end", () => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, json });
      });
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/**
 * Issue 11, items 5 to 7 on a started app: the error shape everywhere under /api (unknown methods, badly encoded paths,
 * unknown paths), the security headers on pages and API, and cookie-authenticated writes refused from other sites.
 */
export function hardeningHttpSteps(suite: Suite): void {
  const { pipeline } = suite;

  pipeline.step("answers in the error shape everywhere under /api: 405 with Allow, 400, 404", async () => {
    for (const path of ["/api/chats", "/api/storage/any", "/"]) {
      const trace = await raw(suite.url, "TRACE", path);
      expect(trace.status, path).toBe(405);
      expect(trace.json).toEqual(errorShape("METHOD_NOT_ALLOWED"));
      expect(trace.headers.allow).toContain("GET");
    }
    expect((await raw(suite.url, "PROPFIND", "/api/chats")).status).toBe(405);
    for (const path of ["/api/chats/%", "/api/chats/%C0%AF", "/api/storage/%C0%AF"]) {
      const badlyEncoded = await raw(suite.url, "GET", path);
      expect(badlyEncoded.status, path).toBe(400);
      expect(badlyEncoded.json).toEqual(errorShape("INVALID_REQUEST"));
    }
    for (const path of ["/api", "/api/no-such-route", "/api/chats/some-id/no-such-thing"]) {
      const unknown = await raw(suite.url, "GET", path);
      expect(unknown.status, path).toBe(404);
      expect(unknown.json).toEqual(errorShape("NOT_FOUND"));
    }
    // The catch-all shadows no real route.
    expect((await raw(suite.url, "GET", "/api/health")).status).toBe(200);
  });

  pipeline.step("sends the security headers on pages and API responses, and no-store on the API", async () => {
    const browser = new Browser(suite.url);
    for (const path of ["/", "/api/health", "/api/no-such-route", "/api/chats"]) {
      const { headers } = await browser.get(path);
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      expect(headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      // The suite serves over plain http: no HSTS, which would lock a browser out of http://localhost.
      expect(headers.get("strict-transport-security"), path).toBeNull();
      if (path.startsWith("/api/")) {
        expect(headers.get("cache-control"), path).toBe("no-store");
        expect(headers.get("content-security-policy"), path).toContain("default-src 'none'");
      } else {
        expect(headers.get("content-security-policy"), path).toContain("script-src 'self'");
        // A page may send uploads to the storage bucket's presigned URLs, and nowhere else but the app.
        const storageEndpoint = suite.providerSecrets().S3_ENDPOINT ?? suite.providerSecrets().R2_ENDPOINT;
        const connect = `connect-src 'self'${storageEndpoint ? ` ${new URL(storageEndpoint).origin}` : ""};`;
        expect(headers.get("content-security-policy"), path).toContain(connect);
      }
    }
  });

  pipeline.step("refuses cookie-authenticated writes from other sites; curl with its cookie passes", async () => {
    const user = await suite.newUser("csrf");
    const missing = "/api/chats/00000000-0000-4000-8000-000000000000";
    const fromEvil = await user.browser.request("DELETE", missing, undefined, { origin: "https://evil.example" });
    expect(fromEvil.status).toBe(403);
    expect(fromEvil.json).toEqual(errorShape("FORBIDDEN"));
    const crossSiteNoOrigin = await fetch(`${suite.url}${missing}`, {
      method: "DELETE",
      headers: { cookie: user.browser.cookieHeader, "sec-fetch-site": "cross-site" },
    });
    expect(crossSiteNoOrigin.status).toBe(403);
    // Past the check, the route answers: 404, the chat does not exist.
    expect((await user.browser.request("DELETE", missing)).status).toBe(404);
    const curl = await fetch(`${suite.url}${missing}`, {
      method: "DELETE",
      headers: { cookie: user.browser.cookieHeader },
    });
    expect(curl.status).toBe(404);
    const sameOrigin = await fetch(`${suite.url}${missing}`, {
      method: "DELETE",
      headers: { cookie: user.browser.cookieHeader, "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(404);
    const reads = await user.browser.request("GET", "/api/chats", undefined, { origin: "https://evil.example" });
    expect(reads.status).toBe(200);
  });
}
