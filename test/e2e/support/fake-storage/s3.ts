import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { ProviderId } from "../../../../src/providers/index.js";

/*
 * A local S3 API for the s3 and r2 backends: s3rver, one bucket made up front, on a free loopback port, over plain
 * HTTP. It accepts the app's presigned URLs as S3 would (path-style, response-content-disposition on signed GETs) but
 * verifies no SigV4 signature and no Content-Length against what was signed: the suite reads X-Amz-SignedHeaders
 * itself, and a size or type that differs from the declared one is left for the app's completion step to refuse.
 */

/** The part of s3rver's API used here (it ships no types). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  /** Set by run(). */
  httpServer: Server;
  /** Its Koa middleware, in order (s3rver is a Koa application). */
  middleware: ((context: { method: string; querystring: string }, next: () => Promise<void>) => Promise<void>)[];
}

interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs: string[] }[];
}

const S3rver = createRequire(import.meta.url)("s3rver") as new (options: S3rverOptions) => S3rverInstance;

const BUCKET = "craftjs-uploads";
/** The only key pair s3rver knows: a signed request with any other access key id is refused. */
const ACCESS_KEY = "S3RVER";
/** Any account id: with R2_ENDPOINT set the app does not build R2's endpoint from it. */
const R2_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

/** The rule the README asks of a real bucket, for any origin: s3rver answers browser preflights by it. */
const CORS_CONFIG = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>Content-Type</AllowedHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** The storage providers that keep files in an S3-compatible bucket: all the CLI offers but the local disk and none. */
export type BucketKind = Exclude<ProviderId<"storage">, "local" | "none">;

/** A provider added to the registry fails to type-check here until it is placed on either side. */
const BUCKETS: Record<BucketKind, true> = { s3: true, r2: true };

/** Whether the storage provider keeps files in a bucket, which this fake stands in for. */
export function isBucket(kind: ProviderId<"storage">): kind is BucketKind {
  return kind in BUCKETS;
}

export interface FakeS3 {
  /** The server's base URL (http://127.0.0.1:<port>). */
  readonly endpoint: string;
  readonly bucket: string;
  /** The env vars that point the app's `kind` backend at this server and its bucket. */
  appEnv(kind: BucketKind): Record<string, string>;
  /** Whether the bucket holds an object under `key`. */
  objectExists(key: string): Promise<boolean>;
  /** Stops the server and removes what it stored. */
  close(): Promise<void>;
}

/** Starts s3rver on a free loopback port, storing in a fresh temporary directory. */
export async function startFakeS3(): Promise<FakeS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "craftjs-fake-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET, configs: [CORS_CONFIG] }],
  });
  // A browser's preflight for a presigned PUT carries the URL's signature query; S3 answers it by the CORS rule
  // alone, s3rver tries to authenticate it and answers 400. Its CORS handling is S3's once the query is set aside.
  server.middleware.unshift(async (context, next) => {
    if (context.method === "OPTIONS") context.querystring = "";
    await next();
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;

  return {
    endpoint,
    bucket: BUCKET,
    appEnv(kind): Record<string, string> {
      if (kind === "s3") {
        return {
          S3_BUCKET: BUCKET,
          S3_REGION: "us-east-1",
          S3_ACCESS_KEY_ID: ACCESS_KEY,
          S3_SECRET_ACCESS_KEY: ACCESS_KEY,
          S3_ENDPOINT: endpoint,
          S3_FORCE_PATH_STYLE: "true",
        };
      }
      return {
        R2_ACCOUNT_ID,
        R2_BUCKET: BUCKET,
        R2_ACCESS_KEY_ID: ACCESS_KEY,
        R2_SECRET_ACCESS_KEY: ACCESS_KEY,
        R2_ENDPOINT: endpoint,
      };
    },
    async objectExists(key) {
      // An unsigned request: s3rver serves it without credentials.
      const objectPath = key.split("/").map(encodeURIComponent).join("/");
      const response = await fetch(`${endpoint}/${BUCKET}/${objectPath}`, { method: "HEAD" });
      if (response.status !== 200 && response.status !== 404) {
        throw new Error(`The fake S3 answered HEAD ${key} with ${response.status}`);
      }
      return response.status === 200;
    },
    async close() {
      // The SDK and fetch keep their connections alive, which would otherwise hold close() open.
      const closed = server.close();
      server.httpServer.closeAllConnections();
      await closed;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
