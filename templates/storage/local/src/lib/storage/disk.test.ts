import { lstat, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { apiErrorFrom } from "@/test/errors";
import { type LocalDisk, localDisk } from "./disk";

const KEY = "user_1/0b6f1f3e-4c55-4d35-9a43-6f7e2f3c1a90/notes.txt";
const BYTES = Buffer.from("Hello, local storage.\n".repeat(50));
const TEXT = { size: BYTES.length, contentType: "text/plain" };

let root: string;
let disk: LocalDisk;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "craftjs-disk-"));
  disk = localDisk(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A request body delivering `bytes` in chunks of `chunkSize`, optionally held back until `gate` resolves. */
function body(bytes: Buffer, chunkSize = 64, gate: Promise<void> = Promise.resolve()): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    async pull(controller) {
      await gate;
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunkSize)));
      offset += chunkSize;
    },
  });
}

/** Every file left under the root's folder of uploads still arriving (none, after any write). */
async function leftovers(): Promise<string[]> {
  return readdir(path.join(root, "incoming")).catch(() => []);
}

async function contentOf(key: string): Promise<Buffer> {
  const object = await disk.read(key);
  if (!object) throw new Error(`Nothing stored under ${key}`);
  return Buffer.from(await new Response(object.body).arrayBuffer());
}

describe("keys", () => {
  it("map to a file under the root, segment by segment", () => {
    expect(disk.pathOf(KEY)).toBe(
      path.join(root, "objects", "user_1", "0b6f1f3e-4c55-4d35-9a43-6f7e2f3c1a90", "notes.txt"),
    );
    expect(disk.pathOf("a/..b/c..d/ü ñ.txt")).toBe(path.join(root, "objects", "a", "..b", "c..d", "ü ñ.txt"));
    expect(disk.pathOf(`a/${"日".repeat(83)}`)).toBe(path.join(root, "objects", "a", "日".repeat(83)));
  });

  it.each([
    "../outside.txt",
    "user_1/../../outside.txt",
    "user_1/x/..",
    "/etc/passwd",
    "user_1//notes.txt",
    "user_1/./notes.txt",
    "user_1/x/",
    "",
    ".",
    "..",
    "user_1\\..\\..\\outside.txt",
    "user_1/nul\0byte.txt",
    `user_1/${"x".repeat(1100)}`,
    `user_1/x/${"日".repeat(84)}.txt`,
  ])("refuse %j with 400 before touching the disk", async (key) => {
    let thrown: unknown;
    try {
      disk.pathOf(key);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).code).toBe("INVALID_REQUEST");
    expect((await apiErrorFrom(disk.write(key, body(BYTES), TEXT))).code).toBe("INVALID_REQUEST");
    expect((await apiErrorFrom(disk.stat(key))).code).toBe("INVALID_REQUEST");
    expect((await apiErrorFrom(disk.remove(key))).code).toBe("INVALID_REQUEST");
    expect(await readdir(root)).toEqual([]);
  });

  it("resolve a relative root against the working directory", () => {
    expect(localDisk("data/uploads").pathOf("a/b")).toBe(path.resolve("data/uploads/objects/a/b"));
  });
});

describe("writing an object", () => {
  it("stores exactly the declared bytes with their content type", async () => {
    await disk.write(KEY, body(BYTES), TEXT);
    expect(await disk.stat(KEY)).toEqual(TEXT);
    expect(await contentOf(KEY)).toEqual(BYTES);
    expect(await readFile(disk.pathOf(KEY))).toEqual(BYTES);
    expect(await leftovers()).toEqual([]);
  });

  it("stores an empty object when zero bytes are declared and none sent", async () => {
    await disk.write(KEY, null, { size: 0, contentType: "text/plain" });
    expect(await disk.stat(KEY)).toEqual({ size: 0, contentType: "text/plain" });
  });

  it("refuses one byte more than declared with 413 and stores nothing", async () => {
    const error = await apiErrorFrom(disk.write(KEY, body(Buffer.concat([BYTES, Buffer.from("!")])), TEXT));
    expect([error.status, error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect(await disk.stat(KEY)).toBeNull();
    expect(await leftovers()).toEqual([]);
  });

  it("stops reading as soon as the body passes the declared size", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const error = await apiErrorFrom(disk.write(KEY, endless, { size: 4096, contentType: "text/plain" }));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(10);
    expect(await leftovers()).toEqual([]);
  });

  it("refuses one byte less than declared with 400 and stores nothing", async () => {
    const error = await apiErrorFrom(disk.write(KEY, body(BYTES.subarray(1)), TEXT));
    expect([error.status, error.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(error.details).toEqual({ size: BYTES.length, received: BYTES.length - 1 });
    expect(await disk.stat(KEY)).toBeNull();
    expect(await leftovers()).toEqual([]);
  });

  it("removes what arrived when the body breaks off", async () => {
    let sent = false;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error("connection reset"));
        sent = true;
        controller.enqueue(new Uint8Array(100));
      },
    });
    const error = await apiErrorFrom(disk.write(KEY, broken, TEXT));
    expect([error.status, error.code, error.details]).toEqual([
      400,
      "INVALID_REQUEST",
      { size: BYTES.length, received: 100 },
    ]);
    expect(await disk.stat(KEY)).toBeNull();
    expect(await leftovers()).toEqual([]);
  });

  it("leaves neither bytes nor type behind when the type cannot be recorded", async () => {
    await writeFile(path.join(root, "meta"), "not a folder");
    await expect(disk.write(KEY, body(BYTES), TEXT)).rejects.toThrow();
    await expect(lstat(disk.pathOf(KEY))).rejects.toThrow(/ENOENT/);
    expect(await leftovers()).toEqual([]);
  });

  it("refuses a second write to a stored key with 403 and keeps the first", async () => {
    await disk.write(KEY, body(BYTES), TEXT);
    const replacement = Buffer.alloc(BYTES.length, "x");
    const error = await apiErrorFrom(
      disk.write(KEY, body(replacement), { size: BYTES.length, contentType: "image/png" }),
    );
    expect([error.status, error.code]).toEqual([403, "FORBIDDEN"]);
    expect(await disk.stat(KEY)).toEqual(TEXT);
    expect(await contentOf(KEY)).toEqual(BYTES);
    expect(await leftovers()).toEqual([]);
  });

  it("lets exactly one of several concurrent writes to one key win, whole", async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const bodies = ["a", "b", "c", "d", "e"].map((fill) => Buffer.alloc(BYTES.length, fill));
    const writes = bodies.map((bytes) => disk.write(KEY, body(bytes, 100, gate), TEXT));
    open();
    const outcomes = await Promise.allSettled(writes);
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((outcome) => (outcome.reason as ApiError).code)).toEqual([
      "FORBIDDEN",
      "FORBIDDEN",
      "FORBIDDEN",
      "FORBIDDEN",
    ]);
    expect(await contentOf(KEY)).toEqual(bodies[outcomes.findIndex((outcome) => outcome.status === "fulfilled")]);
    expect(await leftovers()).toEqual([]);
  });
});

describe("stat, read and remove", () => {
  it("find nothing under a key never written", async () => {
    expect(await disk.stat(KEY)).toBeNull();
    expect(await disk.read(KEY)).toBeNull();
  });

  it("find nothing when a key's folder is a stored file", async () => {
    await disk.write("user_1/file", body(BYTES), TEXT);
    expect(await disk.stat("user_1/file/notes.txt")).toBeNull();
  });

  it("treat bytes without their recorded type (a write cut off before its end) as nothing stored", async () => {
    await disk.write(KEY, body(BYTES), TEXT);
    await rm(path.join(root, "meta", `${path.relative(path.join(root, "objects"), disk.pathOf(KEY))}.json`));
    expect(await disk.stat(KEY)).toBeNull();
    expect(await disk.read(KEY)).toBeNull();
  });

  it("remove the bytes and the recorded type, and removing again is no error", async () => {
    await disk.write(KEY, body(BYTES), TEXT);
    await disk.remove(KEY);
    expect(await disk.stat(KEY)).toBeNull();
    await expect(disk.remove(KEY)).resolves.toBeUndefined();
    await expect(disk.remove("user_9/never/written.txt")).resolves.toBeUndefined();
    expect(await readdir(path.join(root, "meta", "user_1", "0b6f1f3e-4c55-4d35-9a43-6f7e2f3c1a90"))).toEqual([]);
  });

  it("keep a key and the same key with .json appended apart", async () => {
    await disk.write(`${KEY}.json`, body(BYTES), TEXT);
    await disk.write(KEY, body(Buffer.alloc(BYTES.length, "z")), { size: BYTES.length, contentType: "text/csv" });
    expect(await disk.stat(`${KEY}.json`)).toEqual(TEXT);
    expect(await disk.stat(KEY)).toEqual({ size: BYTES.length, contentType: "text/csv" });
  });
});
