import { randomUUID } from "node:crypto";
import { type FileHandle, link, lstat, mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

/** An object as stored: its size on disk and the content type it was uploaded with. */
export interface StoredFile {
  size: number;
  contentType: string;
}

/** What a write must receive: exactly `size` bytes, stored with `contentType`. */
export interface Expected {
  size: number;
  contentType: string;
}

/**
 * Objects on the local file system under one root folder, in three trees that can never collide with each other:
 * `objects/<key>` holds the bytes, `meta/<key>.json` the content type, `incoming/` uploads still arriving (in the same
 * tree, so moving one into place is a link, never a copy). An object is written once and never replaced.
 */
export interface LocalDisk {
  /** The file an object's bytes live in; a key that is not a plain relative path inside the root is refused (400). */
  pathOf(key: string): string;
  /**
   * Streams `body` to a temporary file and, once exactly `expected.size` bytes have arrived, moves it into place.
   * More bytes are refused with 413 as soon as they arrive, fewer with 400, and a key already stored with 403 (the
   * stored object is left as it was); when two writes race for a key, exactly one wins.
   */
  write(key: string, body: ReadableStream<Uint8Array> | null, expected: Expected): Promise<void>;
  /** The stored object's size and content type, or null if nothing (or nothing complete) is stored under the key. */
  stat(key: string): Promise<StoredFile | null>;
  /** The object's bytes as a stream, with its size and content type, or null if nothing is stored under the key. */
  read(key: string): Promise<(StoredFile & { body: ReadableStream<Uint8Array> }) | null>;
  /** Removes the object and its metadata; nothing stored under the key is not an error. */
  remove(key: string): Promise<void>;
}

/** A key's shape: slash-separated names, none empty, `.` or `..`, and no backslash or NUL anywhere. */
const SEGMENT = /^(?!\.{1,2}$)[^/\\\0]+$/;
const MAX_KEY_LENGTH = 1024;
/** File systems allow 255 bytes per name; the metadata file adds `.json` to the last one. */
const MAX_SEGMENT_BYTES = 250;

/** The local disk rooted at `root` (an absolute path, or one relative to the working directory). */
export function localDisk(root: string): LocalDisk {
  const base = path.resolve(root);
  const objects = path.join(base, "objects");
  const meta = path.join(base, "meta");
  const incoming = path.join(base, "incoming");

  function pathOf(key: string): string {
    const segments = key.split("/");
    const valid = (segment: string) => SEGMENT.test(segment) && Buffer.byteLength(segment) <= MAX_SEGMENT_BYTES;
    if (key.length > MAX_KEY_LENGTH || !segments.every(valid)) {
      throw new ApiError("INVALID_REQUEST", "Not a valid storage key.", { key });
    }
    const target = path.resolve(objects, ...segments);
    const relative = path.relative(objects, target);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
      throw new ApiError("INVALID_REQUEST", "Not a valid storage key.", { key });
    }
    return target;
  }

  const metaPathOf = (key: string) => path.join(meta, `${path.relative(objects, pathOf(key))}.json`);

  async function readType(key: string): Promise<string | null> {
    const text = await ifExists(readFile(metaPathOf(key), "utf8"));
    return text === null ? null : (JSON.parse(text) as { contentType: string }).contentType;
  }

  async function write(key: string, body: ReadableStream<Uint8Array> | null, expected: Expected): Promise<void> {
    const target = pathOf(key);
    // Refused before reading a byte; the exclusive link below is what makes it certain.
    if ((await ifExists(lstat(target))) !== null) throw alreadyStored(key);
    await mkdir(incoming, { recursive: true });
    const temporary = path.join(incoming, `${randomUUID()}.part`);
    try {
      await receive(body, temporary, expected.size);
      await mkdir(path.dirname(target), { recursive: true });
      // link() fails if the target exists: of two writes racing for one key, exactly one gets here.
      await link(temporary, target).catch((error: unknown) => {
        throw codeOf(error) === "EEXIST" ? alreadyStored(key) : error;
      });
      // Bytes without their type would block the key for good; a failed write leaves neither.
      await writeAtomically(metaPathOf(key), JSON.stringify({ contentType: expected.contentType })).catch(
        async (error: unknown) => {
          await rm(target, { force: true });
          throw error;
        },
      );
    } finally {
      await rm(temporary, { force: true });
    }
  }

  /** Writes a small file under a temporary name, then renames it into place, so no reader sees half of it. */
  async function writeAtomically(file: string, content: string): Promise<void> {
    const temporary = path.join(incoming, `${randomUUID()}.meta`);
    try {
      await writeFile(temporary, content, { flag: "wx" });
      await mkdir(path.dirname(file), { recursive: true });
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async function stat(key: string): Promise<StoredFile | null> {
    const file = await ifExists(open(pathOf(key), "r"));
    if (!file) return null;
    try {
      return await describe(key, file);
    } finally {
      await file.close();
    }
  }

  async function read(key: string): Promise<(StoredFile & { body: ReadableStream<Uint8Array> }) | null> {
    const file = await ifExists(open(pathOf(key), "r"));
    if (!file) return null;
    const described = await describe(key, file).catch(async (error: unknown) => {
      await file.close();
      throw error;
    });
    if (!described) {
      await file.close();
      return null;
    }
    // Node types the web stream it makes as ReadableStream<any>; a file stream's chunks are Uint8Arrays.
    const body = Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>;
    return { ...described, body };
  }

  /** Size from the open file, content type from its metadata; an object whose metadata is not written yet is none. */
  async function describe(key: string, file: FileHandle): Promise<StoredFile | null> {
    const info = await file.stat();
    const contentType = info.isFile() ? await readType(key) : null;
    return contentType === null ? null : { size: info.size, contentType };
  }

  async function remove(key: string): Promise<void> {
    await rm(pathOf(key), { force: true });
    await rm(metaPathOf(key), { force: true });
  }

  return { pathOf, write, stat, read, remove };
}

/**
 * Copies `body` into a new file at `file`, refusing it (413) the moment it passes `size` bytes, without writing the
 * chunk that did, and refusing it (400) if it ends short or breaks off.
 */
async function receive(body: ReadableStream<Uint8Array> | null, file: string, size: number): Promise<void> {
  const output = await open(file, "wx");
  let received = 0;
  try {
    if (body) {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read().catch(() => {
          throw new ApiError("INVALID_REQUEST", `The body broke off after ${received} of ${size} bytes.`, {
            size,
            received,
          });
        });
        if (done) break;
        received += value.byteLength;
        if (received > size) {
          await reader.cancel();
          throw new ApiError("PAYLOAD_TOO_LARGE", `The body is larger than the ${size} bytes this URL is for.`, {
            size,
          });
        }
        await output.write(value);
      }
    }
  } finally {
    await output.close();
  }
  if (received < size) {
    throw new ApiError("INVALID_REQUEST", `The body has ${received} bytes; this URL is for exactly ${size}.`, {
      size,
      received,
    });
  }
}

function alreadyStored(key: string): ApiError {
  return new ApiError("FORBIDDEN", "Something is already stored under this key; an upload URL writes once.", { key });
}

/** The promise's value, or null if it failed because the file (or a folder on its path) does not exist. */
async function ifExists<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    const code = codeOf(error);
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw error;
  }
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}

/** The app's uploads: STORAGE_LOCAL_DIR, relative to the folder the app runs in (`./data/uploads` unless set). */
export const disk = localDisk(env.STORAGE_LOCAL_DIR);
