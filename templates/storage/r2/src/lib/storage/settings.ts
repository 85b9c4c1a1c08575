import { env } from "@/lib/env";
import { required, type StorageSettings } from "./bucket-settings";

/** Which backend the S3 adapter talks to, known without any setting. */
export const backend = { id: "r2", name: "Cloudflare R2" } as const;

/**
 * Cloudflare R2 through its S3 API: the account's endpoint (R2_ENDPOINT overrides it, for local testing), region
 * `auto` (R2 has no regions; the SDK needs one to sign), and path-style URLs (`<endpoint>/<bucket>/<key>`), which R2
 * and any local stand-in serve alike.
 */
export function storageSettings(): StorageSettings {
  const bucket = required("R2_BUCKET", env.R2_BUCKET);
  const credentials = {
    accessKeyId: required("R2_ACCESS_KEY_ID", env.R2_ACCESS_KEY_ID),
    secretAccessKey: required("R2_SECRET_ACCESS_KEY", env.R2_SECRET_ACCESS_KEY),
  };
  const endpoint =
    env.R2_ENDPOINT ?? `https://${required("R2_ACCOUNT_ID", env.R2_ACCOUNT_ID)}.r2.cloudflarestorage.com`;
  return { bucket, clientConfig: { region: "auto", endpoint, credentials, forcePathStyle: true } };
}

/**
 * Where browsers send their uploads (the presigned URLs' origin), for the pages' Content-Security-Policy; null until
 * the account is configured. The bucket's CORS policy must allow PUT from the app's origin too.
 */
export function uploadOrigin(): string | null {
  if (env.R2_ENDPOINT) return new URL(env.R2_ENDPOINT).origin;
  return env.R2_ACCOUNT_ID ? `https://${env.R2_ACCOUNT_ID}.r2.cloudflarestorage.com` : null;
}
