import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StorageAdapter } from "./types";

const BUCKET = "my-app-uploads";
const ENDPOINT = "https://storage.example.test";
const NOW = new Date("2026-01-05T12:00:00Z");
const KEY = "usr_8f2k1m/3f0c2a6e-4b1d-4e8a-9c57-1d2e3f4a5b6c/photo.png";

/** Either backend's settings (the app reads only its own), pointed at an endpoint no test calls. */
const SETTINGS: Record<string, string> = {
  S3_BUCKET: BUCKET,
  S3_REGION: "eu-west-3",
  S3_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  S3_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  S3_ENDPOINT: ENDPOINT,
  S3_FORCE_PATH_STYLE: "true",
  R2_ACCOUNT_ID: "0123456789abcdef0123456789abcdef",
  R2_BUCKET: BUCKET,
  R2_ACCESS_KEY_ID: "2f3e4d5c6b7a89012f3e4d5c6b7a8901",
  R2_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  R2_ENDPOINT: ENDPOINT,
};

/** The adapter as the app loads it with these env vars (an empty one is unset). */
async function load(env: Record<string, string>): Promise<StorageAdapter> {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import("./adapter")).storage;
}

const inSeconds = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
/** The query parameters a checksum would add: one of an empty body breaks the real upload. */
const checksumParams = (url: URL) => [...url.searchParams.keys()].filter((name) => /checksum/i.test(name));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("createUploadUrl", () => {
  it("signs the declared size and type, adds no checksum, and lives as long as asked", async () => {
    const storage = await load(SETTINGS);
    const upload = await storage.createUploadUrl({
      key: KEY,
      contentType: "image/png",
      size: 48_213,
      expiresAt: inSeconds(600),
    });
    const url = new URL(upload.url);

    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;content-type;host");
    expect(checksumParams(url)).toEqual([]);
    expect(url.searchParams.get("X-Amz-Date")).toBe("20260105T120000Z");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("600");
    // The browser sets Content-Length itself: only the type is the client's to send.
    expect(upload.headers).toEqual({ "Content-Type": "image/png" });
  });

  it("puts the bucket in the path when asked to", async () => {
    const storage = await load(SETTINGS);
    const upload = await storage.createUploadUrl({
      key: KEY,
      contentType: "image/png",
      size: 1,
      expiresAt: inSeconds(60),
    });
    const url = new URL(upload.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${ENDPOINT}/${BUCKET}/${KEY}`);
  });

  it("otherwise puts the bucket in the host name on S3, and always in the path on R2", async () => {
    const storage = await load({ ...SETTINGS, S3_FORCE_PATH_STYLE: "" });
    const upload = await storage.createUploadUrl({
      key: KEY,
      contentType: "image/png",
      size: 1,
      expiresAt: inSeconds(60),
    });
    const url = new URL(upload.url);
    const expected: Record<string, string> = {
      s3: `https://${BUCKET}.storage.example.test/${KEY}`,
      r2: `${ENDPOINT}/${BUCKET}/${KEY}`,
    };
    expect(`${url.origin}${url.pathname}`).toBe(expected[storage.id]);
  });
});

describe("createDownloadUrl", () => {
  it("downloads as an attachment named in ASCII and exactly in UTF-8, for as long as asked", async () => {
    const storage = await load(SETTINGS);
    const url = new URL(
      await storage.createDownloadUrl({ key: KEY, filename: "résumé (2026).pdf", expiresAt: inSeconds(300) }),
    );

    expect(url.searchParams.get("response-content-disposition")).toBe(
      `attachment; filename="r_sum_ (2026).pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%282026%29.pdf`,
    );
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(checksumParams(url)).toEqual([]);
  });
});

describe("settings", () => {
  it("answers 503 NOT_CONFIGURED naming the first missing env var, and keeps its name", async () => {
    const storage = await load(Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, ""])));

    const names: Record<string, string> = { s3: "Amazon S3", r2: "Cloudflare R2" };
    expect(storage.name).toBe(names[storage.id]);
    await expect(storage.stat(KEY)).rejects.toMatchObject({
      code: "NOT_CONFIGURED",
      status: 503,
      details: { env: `${storage.id.toUpperCase()}_BUCKET` },
    });
  });
});
