import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { backend, storageSettings } from "./settings";
import type { StorageAdapter } from "./types";

/** Connecting to the bucket's endpoint gives up after this. */
const CONNECTION_TIMEOUT_MS = 3_000;
/** A HEAD or DELETE gives up after this, rather than holding the user's request open. */
const REQUEST_TIMEOUT_MS = 5_000;
/** One retry: a throttled or dropped HEAD or DELETE (both idempotent) usually succeeds at once on the next try. */
const MAX_ATTEMPTS = 2;
/** The longest a SigV4 presigned URL may live. */
const MAX_URL_LIFETIME_SECONDS = 7 * 24 * 60 * 60;
/** The type S3 reports for an object stored without one. */
const UNKNOWN_TYPE = "binary/octet-stream";

let connection: { client: S3Client; bucket: string } | undefined;

/**
 * The client and bucket, made on first use: without the settings only the upload and file routes answer 503.
 * Checksums only when an operation requires one: by default the SDK adds a CRC32 of the (empty) body to a presigned
 * PUT, which the real upload then fails, and `x-amz-checksum-mode` to a presigned GET.
 */
function s3(): { client: S3Client; bucket: string } {
  if (!connection) {
    const settings = storageSettings();
    const client = new S3Client({
      ...settings.clientConfig,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: MAX_ATTEMPTS,
      requestHandler: {
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        // Without it the SDK only logs a request that runs over its timeout.
        throwOnRequestTimeout: true,
      },
    });
    connection = { client, bucket: settings.bucket };
  }
  return connection;
}

/** Seconds from now until `expiresAt`: at least one, at most what SigV4 allows. */
function secondsUntil(expiresAt: Date): number {
  const seconds = Math.ceil((expiresAt.getTime() - Date.now()) / 1000);
  return Math.min(Math.max(seconds, 1), MAX_URL_LIFETIME_SECONDS);
}

/**
 * A download as `filename` (RFC 6266): `filename*` carries it exactly, UTF-8 and percent-encoded (RFC 5987), and
 * `filename` an ASCII stand-in (others, quotes, backslashes and `%` as `_`) for clients that read only that.
 */
function attachment(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A bucket reached through the S3 API (Amazon S3, Cloudflare R2 or another S3-compatible server; `./settings` says
 * which) with the official AWS SDK: clients PUT and GET the bytes through presigned URLs, never through the app.
 */
export const storage: StorageAdapter = {
  id: backend.id,
  name: backend.name,

  async createUploadUrl({ key, contentType, size, expiresAt }) {
    const { client, bucket } = s3();
    const command = new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size });
    // Signed, the size and the type are part of the URL: the bucket refuses a PUT of other bytes. The presigner leaves
    // Content-Type unsigned unless it is listed here (Content-Length it signs anyway). The browser sets Content-Length
    // itself, so only the type is handed out.
    const url = await getSignedUrl(client, command, {
      expiresIn: secondsUntil(expiresAt),
      signableHeaders: new Set(["content-type", "content-length"]),
    });
    return { url, headers: { "Content-Type": contentType } };
  },

  async stat(key) {
    const { client, bucket } = s3();
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? UNKNOWN_TYPE };
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
      throw error;
    }
  },

  async createDownloadUrl({ key, filename, expiresAt }) {
    const { client, bucket } = s3();
    const command = new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      ResponseContentDisposition: attachment(filename),
    });
    return getSignedUrl(client, command, { expiresIn: secondsUntil(expiresAt) });
  },

  async delete(key) {
    const { client, bucket } = s3();
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  },
};
