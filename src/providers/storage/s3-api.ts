import type { ItemDescriptor } from "../types.js";
import { uploads } from "./uploads.js";

/**
 * What the S3-compatible backends share: the uploads core and the adapter over the S3 API (the AWS SDK, presigned
 * URLs), in templates/storage/s3-api/; each backend adds its settings (src/lib/storage/settings.ts) and docs.
 */
export const s3Api: ItemDescriptor<"s3-api"> = {
  id: "s3-api",
  label: "S3 API",
  templates: "storage/s3-api",
  requires: [uploads],
  connectSources: [{ name: "uploadOrigin", from: "@/lib/storage/settings" }],
  dependencies: ["@aws-sdk/client-s3", "@aws-sdk/s3-request-presigner"],
};
