import { expect } from "vitest";
import type { Suite } from "../support/suite.js";

/** Issue 19: what an attacker found in sign-in, redirects, keys, uploads and billing, each tried again over HTTP. */
export function securitySteps(suite: Suite): void {
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
}
