import { env } from "@/lib/env";
import { required, type StorageSettings } from "./bucket-settings";

/** Which backend the S3 adapter talks to, known without any setting. */
export const backend = { id: "s3", name: "Amazon S3" } as const;

/**
 * Amazon S3 from S3_BUCKET, S3_REGION and an access key; S3_ENDPOINT points the client at an S3-compatible server
 * instead (MinIO, a local fake), which usually also wants S3_FORCE_PATH_STYLE=true (`<endpoint>/<bucket>/<key>`).
 */
export function storageSettings(): StorageSettings {
  return {
    bucket: required("S3_BUCKET", env.S3_BUCKET),
    clientConfig: {
      region: required("S3_REGION", env.S3_REGION),
      credentials: {
        accessKeyId: required("S3_ACCESS_KEY_ID", env.S3_ACCESS_KEY_ID),
        secretAccessKey: required("S3_SECRET_ACCESS_KEY", env.S3_SECRET_ACCESS_KEY),
      },
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
    },
  };
}

/**
 * Where browsers send their uploads (the presigned URLs' origin), for the pages' Content-Security-Policy; null until
 * the bucket is configured. The bucket's CORS rules must allow PUT from the app's origin too.
 */
export function uploadOrigin(): string | null {
  if (env.S3_ENDPOINT) return new URL(env.S3_ENDPOINT).origin;
  if (!env.S3_BUCKET || !env.S3_REGION) return null;
  const host = `s3.${env.S3_REGION}.amazonaws.com`;
  return env.S3_FORCE_PATH_STYLE === "true" ? `https://${host}` : `https://${env.S3_BUCKET}.${host}`;
}
