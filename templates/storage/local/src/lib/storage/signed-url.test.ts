import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { attachmentDisposition, signDownload, signUpload, verifyDownload, verifyUpload } from "./signed-url";

const SECRET = "a-test-signing-secret-of-at-least-32-chars";
const NOW = Date.parse("2026-03-01T12:00:00Z");
const KEY = "user_1/0b6f1f3e-4c55-4d35-9a43-6f7e2f3c1a90/notes.txt";
const upload = { key: KEY, contentType: "text/plain", size: 960, expiresAt: new Date(NOW + 10 * 60_000) };
const download = { key: KEY, filename: "notes.txt", expiresAt: new Date(NOW + 10 * 60_000) };

/** The error a verification throws, checked to be a 403. */
function refusal(verify: () => unknown): ApiError {
  let thrown: unknown;
  try {
    verify();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ApiError);
  expect((thrown as ApiError).status).toBe(403);
  return thrown as ApiError;
}

/** A copy of the query with one parameter changed. */
function withParam(query: URLSearchParams, name: string, value: string): URLSearchParams {
  const copy = new URLSearchParams(query);
  copy.set(name, value);
  return copy;
}

describe("upload URLs", () => {
  const query = signUpload(upload, SECRET);

  it("carry the size, type and expiry in the clear, and verify to exactly what was signed", () => {
    expect(Object.fromEntries(query)).toMatchObject({
      size: "960",
      type: "text/plain",
      expires: String(NOW / 1000 + 600),
    });
    expect(verifyUpload(KEY, query, SECRET, NOW)).toEqual(upload);
  });

  it("are refused once expired, and at the very second they expire", () => {
    expect(refusal(() => verifyUpload(KEY, query, SECRET, NOW + 10 * 60_000)).message).toMatch(/expired/);
    expect(verifyUpload(KEY, query, SECRET, NOW + 10 * 60_000 - 1).size).toBe(960);
  });

  it.each([
    ["size", "961"],
    ["size", "0960"],
    ["type", "text/html"],
    ["expires", String(NOW / 1000 + 3600)],
  ])("are refused when %s is changed to %s", (name, value) => {
    expect(refusal(() => verifyUpload(KEY, withParam(query, name, value), SECRET, NOW)).message).toMatch(/signature/);
  });

  it("are refused for any other key", () => {
    refusal(() => verifyUpload(KEY.replace("notes", "other"), query, SECRET, NOW));
    refusal(() => verifyUpload(`${KEY}/more`, query, SECRET, NOW));
  });

  it("are refused with a changed, shortened, lengthened or missing signature", () => {
    const signature = query.get("signature")!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    for (const forged of [flipped, signature.slice(0, -1), `${signature}A`, "", "é".repeat(43)]) {
      refusal(() => verifyUpload(KEY, withParam(query, "signature", forged), SECRET, NOW));
    }
    const unsigned = new URLSearchParams(query);
    unsigned.delete("signature");
    refusal(() => verifyUpload(KEY, unsigned, SECRET, NOW));
  });

  it("are refused when signed with another secret", () => {
    refusal(() => verifyUpload(KEY, signUpload(upload, `${SECRET}-other`), SECRET, NOW));
  });
});

describe("download URLs", () => {
  const query = signDownload(download, SECRET);

  it("verify to the key and file name they were signed for", () => {
    expect(verifyDownload(KEY, query, SECRET, NOW)).toEqual(download);
  });

  it("are refused once expired, or with a changed file name, expiry or key", () => {
    refusal(() => verifyDownload(KEY, query, SECRET, NOW + 10 * 60_000));
    refusal(() => verifyDownload(KEY, withParam(query, "filename", "notes.html"), SECRET, NOW));
    refusal(() => verifyDownload(KEY, withParam(query, "expires", String(NOW / 1000 + 3600)), SECRET, NOW));
    refusal(() => verifyDownload("user_2/x/notes.txt", query, SECRET, NOW));
  });

  it("do not authorize an upload, nor an upload URL a download", () => {
    refusal(() => verifyUpload(KEY, query, SECRET, NOW));
    refusal(() => verifyDownload(KEY, signUpload(upload, SECRET), SECRET, NOW));
  });
});

describe("attachmentDisposition", () => {
  it("names a plain file as it is", () => {
    expect(attachmentDisposition("notes.txt")).toBe(`attachment; filename="notes.txt"; filename*=UTF-8''notes.txt`);
  });

  it("cannot be broken out of by quotes, backslashes or line breaks, and keeps the exact name in filename*", () => {
    const header = attachmentDisposition('a"b\\c\r\nSet-Cookie: x=1.txt');
    expect(header).toBe(
      `attachment; filename="a_b_c__Set-Cookie: x=1.txt"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1.txt`,
    );
    expect(() => new Headers({ "Content-Disposition": header })).not.toThrow();
  });

  it("encodes non-ASCII names per RFC 5987, with an ASCII fallback", () => {
    expect(attachmentDisposition("résumé (final)'s.pdf")).toBe(
      `attachment; filename="r_sum_ (final)'s.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%28final%29%27s.pdf`,
    );
  });
});
