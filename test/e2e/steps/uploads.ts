import { existsSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { backdate, setUploadSize } from "../support/database.js";
import { errorShape, type Suite, type TestUser } from "../support/suite.js";

const BYTES = Buffer.from("Hello, CraftJS uploads.\n".repeat(40));
const MB = 1024 * 1024;
/** An upload URL's lifetime in the generated app's config, and the sweep's slack for clocks, with a minute to spare. */
const PAST_ITS_URL = 12 * 60_000;

interface UploadTicket {
  id: string;
  uploadUrl: string;
  method: string;
  headers: Record<string, string>;
  key: string;
  fileUrl: string;
  expiresAt: string;
}

/**
 * Uploads on the chosen backend, as a browser does them: a URL from the API, a PUT of the bytes straight to it, then
 * completion; listed and downloadable for the owner only; types, sizes, path tricks and tampering refused; deleted.
 */
export function uploadSteps(suite: Suite): void {
  const { pipeline } = suite;
  const backend = () => suite.combination.storage;
  let owner: TestUser;
  let file: UploadTicket;
  let downloadUrl = "";

  const ask = (user: TestUser, body: object) => user.browser.post("/api/upload", body);
  /** Whether the backend holds bytes under a key: the bucket's, or the app's own folder for local disk. */
  const stored = async (key: string) =>
    suite.storage
      ? suite.storage.objectExists(key)
      : existsSync(path.join(suite.appDir, "data", "uploads", "objects", ...key.split("/")));
  const put = (ticket: UploadTicket, body: Buffer, headers: Record<string, string> = ticket.headers) =>
    fetch(ticket.uploadUrl, { method: "PUT", headers, body: new Uint8Array(body) });

  pipeline.step("uploads: a URL for one file, the bytes PUT straight to it, then completed and listed", async () => {
    owner = await suite.newUser("uma", "pro");
    const reply = await ask(owner, { filename: "notes.txt", contentType: "text/plain", size: BYTES.length });
    expect(reply.status, reply.text).toBe(200);
    file = reply.json;
    expect(file).toMatchObject({ method: "PUT", headers: { "Content-Type": "text/plain" } });
    expect(file.key).toMatch(new RegExp(`^${owner.id}/[0-9a-f-]{36}/notes\\.txt$`));
    expect(new Date(file.expiresAt).getTime()).toBeGreaterThan(Date.now());
    if (backend() !== "local") {
      // The bucket server used here checks no signature: the URL must sign the size and type itself.
      const signed = new URL(file.uploadUrl).searchParams.get("X-Amz-SignedHeaders")?.split(";") ?? [];
      expect(signed).toEqual(expect.arrayContaining(["content-length", "content-type"]));
    }

    const early = await owner.browser.post(`/api/files/${file.id}/complete`);
    expect([early.status, early.json]).toEqual([409, errorShape("UPLOAD_INCOMPLETE")]);
    const stored = await put(file, BYTES);
    expect(stored.status, await stored.text()).toBeLessThan(300);
    const completed = await owner.browser.post(`/api/files/${file.id}/complete`);
    expect(completed.status, completed.text).toBe(200);
    expect(completed.json).toMatchObject({ id: file.id, filename: "notes.txt", size: BYTES.length, status: "complete" });

    const listed = await owner.browser.get("/api/files");
    expect(listed.json.map((entry: { id: string }) => entry.id)).toEqual([file.id]);
  });

  pipeline.step("uploads: downloadable by its owner only, through a short-lived URL", async () => {
    const described = await owner.browser.get(`/api/files/${file.id}`);
    expect(described.status).toBe(200);
    downloadUrl = described.json.downloadUrl;
    const download = await fetch(downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(BYTES);
    expect(download.headers.get("content-disposition")).toContain("notes.txt");

    const redirect = await owner.browser.get(`/api/files/${file.id}/content`);
    expect(redirect.status).toBe(302);
    const followed = await fetch(redirect.headers.get("location")!);
    expect(Buffer.from(await followed.arrayBuffer())).toEqual(BYTES);

    const stranger = await suite.newUser("vic");
    for (const reply of [
      await stranger.browser.get(`/api/files/${file.id}`),
      await stranger.browser.get(`/api/files/${file.id}/content`),
      await stranger.browser.delete(`/api/files/${file.id}`),
      await stranger.browser.post(`/api/files/${file.id}/complete`),
    ]) {
      expect([reply.status, reply.json]).toEqual([404, errorShape("NOT_FOUND")]);
    }
    expect((await stranger.browser.get("/api/files")).json).toEqual([]);
  });

  pipeline.step("uploads: refuses a type not allowed and a size over the plan, and makes path tricks safe", async () => {
    const wen = await suite.newUser("wen", "pro");
    const type = await ask(wen, { filename: "run.sh", contentType: "application/x-sh", size: 10 });
    expect([type.status, type.json]).toEqual([415, errorShape("UNSUPPORTED_FILE_TYPE")]);
    const size = await ask(wen, { filename: "big.pdf", contentType: "application/pdf", size: 51 * 1024 * 1024 });
    expect([size.status, size.json]).toEqual([413, errorShape("FILE_TOO_LARGE")]);
    const bad = await ask(wen, { filename: "x.txt", contentType: "text/plain", size: -1 });
    expect([bad.status, bad.json]).toEqual([400, errorShape("INVALID_REQUEST")]);

    for (const [filename, safe] of [
      ["../../etc/passwd", "passwd"],
      ["a/b", "b"],
      ["nul\u0000byte.txt", "nulbyte.txt"],
      [`${"x".repeat(300)}.txt`, `${"x".repeat(196)}.txt`],
    ] as const) {
      const reply = await ask(wen, { filename, contentType: "text/plain", size: 1 });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.json.key).toMatch(new RegExp(`^${wen.id}/[0-9a-f-]{36}/${safe.replace(/\./g, "\\.")}$`));
    }
  });

  pipeline.step("uploads: what differs from what was declared is refused and leaves nothing stored", async () => {
    const xia = await suite.newUser("xia", "pro");
    const kept: string[] = [];
    const ticket = async () => (await ask(xia, { filename: "data.csv", contentType: "text/csv", size: BYTES.length })).json as UploadTicket;

    const larger = await ticket();
    const overPut = await put(larger, Buffer.concat([BYTES, Buffer.from("more")]));
    const overDone = await xia.browser.post(`/api/files/${larger.id}/complete`);
    if (backend() === "local") {
      expect(overPut.status).toBe(413);
      expect([overDone.status, overDone.json]).toEqual([409, errorShape("UPLOAD_INCOMPLETE")]);
    } else {
      // The bucket took it; completion finds the size wrong, deletes it and fails the upload.
      expect([overDone.status, overDone.json]).toEqual([422, errorShape("UPLOAD_MISMATCH")]);
      expect(await suite.storage!.objectExists(larger.key)).toBe(false);
    }

    const smaller = await ticket();
    const shortPut = await put(smaller, BYTES.subarray(10));
    const shortDone = await xia.browser.post(`/api/files/${smaller.id}/complete`);
    if (backend() === "local") {
      expect(shortPut.status).toBe(400);
      expect(shortDone.status).toBe(409);
    } else {
      expect([shortDone.status, shortDone.json]).toEqual([422, errorShape("UPLOAD_MISMATCH")]);
    }

    const wrongType = await ticket();
    const typedPut = await put(wrongType, BYTES, { "Content-Type": "image/png" });
    const typedDone = await xia.browser.post(`/api/files/${wrongType.id}/complete`);
    if (backend() === "local") {
      expect(typedPut.status).toBeGreaterThanOrEqual(400);
      expect(typedDone.status).toBe(409);
    } else {
      expect([typedDone.status, typedDone.json]).toEqual([422, errorShape("UPLOAD_MISMATCH")]);
    }

    if (backend() === "local") {
      const tampered = await ticket();
      const url = new URL(tampered.uploadUrl);
      const signature = [...url.searchParams.keys()].find((name) => /sig/i.test(name))!;
      url.searchParams.set(signature, `${url.searchParams.get(signature)!.slice(0, -2)}AA`);
      const forged = await fetch(url, { method: "PUT", headers: tampered.headers, body: new Uint8Array(BYTES) });
      expect(forged.status).toBeGreaterThanOrEqual(400);
      const longer = new URL(tampered.uploadUrl);
      const expiry = [...longer.searchParams.keys()].find((name) => /exp/i.test(name))!;
      longer.searchParams.set(expiry, String(Number(longer.searchParams.get(expiry)) + 3_600_000));
      const extended = await fetch(longer, { method: "PUT", headers: tampered.headers, body: new Uint8Array(BYTES) });
      expect(extended.status).toBeGreaterThanOrEqual(400);
      expect((await xia.browser.post(`/api/files/${tampered.id}/complete`)).status).toBe(409);

      const once = await ticket();
      expect((await put(once, BYTES)).status).toBeLessThan(300);
      expect((await put(once, BYTES)).status).toBeGreaterThanOrEqual(400);
      kept.push(once.id);
    }
    // Only what arrived exactly as declared is a file.
    expect((await xia.browser.get("/api/files")).json.map((entry: { id: string }) => entry.id)).toEqual(kept);
  });

  if (suite.combination.storage === "local") {
    pipeline.step("uploads: a 12 MiB file arrives whole through the app's own route", async () => {
      const big = Buffer.alloc(12 * 1024 * 1024, 7);
      const yan = await suite.newUser("yan", "pro");
      const ticket = (await ask(yan, { filename: "big.json", contentType: "application/json", size: big.length })).json as UploadTicket;
      expect((await put(ticket, big)).status).toBeLessThan(300);
      const done = await yan.browser.post(`/api/files/${ticket.id}/complete`);
      expect([done.status, done.json.size]).toEqual([200, big.length]);
      const described = await yan.browser.get(`/api/files/${ticket.id}`);
      const back = Buffer.from(await (await fetch(described.json.downloadUrl)).arrayBuffer());
      expect(back.equals(big)).toBe(true);
    });
  }

  pipeline.step("uploads: deleting a file removes its bytes and its record", async () => {
    const removed = await owner.browser.delete(`/api/files/${file.id}`);
    expect([removed.status, removed.json]).toEqual([200, { success: true }]);
    expect((await owner.browser.get(`/api/files/${file.id}`)).status).toBe(404);
    expect((await owner.browser.get("/api/files")).json).toEqual([]);
    // The download URL handed out before is still within its lifetime, and finds nothing.
    expect((await fetch(downloadUrl)).status).toBe(404);
    if (suite.storage) expect(await suite.storage.objectExists(file.key)).toBe(false);
  });

  pipeline.step("uploads: fileUrl serves a file right after its PUT, with no completion call; the list has it too", async () => {
    const pia = await suite.newUser("pia");
    const ticket = (await ask(pia, { filename: "quick.txt", contentType: "text/plain", size: BYTES.length })).json as UploadTicket & {
      completeUrl: string;
    };
    expect(ticket.completeUrl).toBe(`${new URL(ticket.fileUrl).origin}/api/files/${ticket.id}/complete`);
    expect((await put(ticket, BYTES)).status).toBeLessThan(300);
    const redirect = await pia.browser.get(new URL(ticket.fileUrl).pathname);
    expect(redirect.status, redirect.text).toBe(302);
    expect(Buffer.from(await (await fetch(redirect.headers.get("location")!)).arrayBuffer())).toEqual(BYTES);
    const listed = await pia.browser.get("/api/files");
    expect(listed.json.map((entry: { id: string; status: string }) => [entry.id, entry.status])).toEqual([[ticket.id, "complete"]]);
  });

  pipeline.step("uploads: a deleted file's URL stores nothing for good; what was never sent is swept, what was is kept", async () => {
    const zed = await suite.newUser("zed");
    const ticket = async () => (await ask(zed, { filename: "late.txt", contentType: "text/plain", size: BYTES.length })).json as UploadTicket;

    const deleted = await ticket();
    expect((await zed.browser.delete(`/api/files/${deleted.id}`)).status).toBe(200);
    const late = await put(deleted, BYTES);
    if (backend() === "local") {
      expect([late.status, await late.json()]).toEqual([403, errorShape("FORBIDDEN")]);
    }
    const neverSent = await ticket();
    const sentOnly = await ticket();
    expect((await put(sentOnly, BYTES)).status).toBeLessThan(300);

    // The URLs expire; the next upload request sweeps what they left: a file whose bytes came, unannounced, stays.
    for (const { id } of [deleted, neverSent, sentOnly]) await backdate(suite.database, "uploads", id, PAST_ITS_URL);
    expect((await ask(zed, { filename: "next.txt", contentType: "text/plain", size: 1 })).status).toBe(200);
    expect(await stored(deleted.key)).toBe(false);
    const completed = await zed.browser.post(`/api/files/${neverSent.id}/complete`);
    expect([completed.status, completed.json]).toEqual([404, errorShape("NOT_FOUND")]);
    expect(await stored(sentOnly.key)).toBe(true);
    expect((await zed.browser.get("/api/files")).json.map((entry: { id: string }) => entry.id)).toEqual([sentOnly.id]);
  });

  pipeline.step("uploads: each plan keeps a storage quota, uploads still arriving included; 413 names it", async () => {
    const quin = await suite.newUser("quin");
    const first = (await ask(quin, { filename: "a.txt", contentType: "text/plain", size: BYTES.length })).json as UploadTicket;
    expect((await put(first, BYTES)).status).toBeLessThan(300);
    expect((await quin.browser.post(`/api/files/${first.id}/complete`)).status).toBe(200);
    // As if that file took all but 6 MB of the free plan's 100 MB.
    await setUploadSize(suite.database, first.id, 94 * MB);

    const fits = await ask(quin, { filename: "b.pdf", contentType: "application/pdf", size: 5 * MB });
    expect(fits.status, fits.text).toBe(200);
    const over = await ask(quin, { filename: "c.pdf", contentType: "application/pdf", size: 5 * MB });
    expect([over.status, over.json]).toEqual([413, errorShape("STORAGE_QUOTA_EXCEEDED")]);
    expect(over.json.error).toContain("100 MB");
    expect(over.json.details).toEqual({ quotaBytes: 100 * MB, usedBytes: 99 * MB, size: 5 * MB });

    expect((await quin.browser.delete(`/api/files/${first.id}`)).status).toBe(200);
    const room = await ask(quin, { filename: "c.pdf", contentType: "application/pdf", size: 5 * MB });
    expect(room.status, room.text).toBe(200);
  });
}
