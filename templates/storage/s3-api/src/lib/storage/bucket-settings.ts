import type { S3ClientConfig } from "@aws-sdk/client-s3";
import { requireSetting } from "@/lib/api/errors";

/** The bucket uploads go to, and how the S3 client reaches and signs for it (from settings.ts, per backend). */
export interface StorageSettings {
  bucket: string;
  clientConfig: S3ClientConfig;
}

/** A setting the adapter needs; its absence is a 503 that names the env var to set. */
export function required(name: string, value: string | undefined): string {
  return requireSetting("Uploads", name, value);
}
