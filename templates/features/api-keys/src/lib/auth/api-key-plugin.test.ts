import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...all]/route";
import { env } from "@/lib/env";
import { signUp } from "@/test/requests";
import { issueApiKey, listApiKeys } from "./api-key-store";

describe("Better Auth's API-key endpoints", () => {
  it("answer 404 over HTTP, so a key is never stored without /api/keys' checks", async () => {
    const user = await signUp();
    for (const [path, body] of [
      ["create", { name: "bell\u0007\u001b[2J" }],
      ["list", {}],
      ["get", { id: "any" }],
      ["update", { keyId: "any", name: "renamed\u0000" }],
      ["delete", { keyId: "any" }],
    ] as const) {
      const reply = await POST(
        new Request(new URL(`/api/auth/api-key/${path}`, env.APP_URL), {
          method: "POST",
          headers: { "content-type": "application/json", origin: env.APP_URL, cookie: user.cookie },
          body: JSON.stringify(body),
        }),
      );
      expect([reply.status, (await reply.json()).code], path).toEqual([404, "NOT_FOUND"]);
    }
    expect(await listApiKeys(user.id)).toEqual([]);
  });

  it("still serve the app's own code, through auth.api", async () => {
    const user = await signUp();
    const created = await issueApiKey(user.id, { name: "ci" });
    expect((await listApiKeys(user.id)).map((key) => key.id)).toEqual([created.id]);
  });
});
