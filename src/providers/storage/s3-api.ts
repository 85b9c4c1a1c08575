import type { ItemDescriptor, ReadmeSection } from "../types.js";
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

/**
 * The README section on the CORS rule a bucket needs: browsers PUT and GET the bytes straight to it. `where` is the
 * rule's place in the backend's console.
 */
export function bucketCorsSection(backend: string, where: string): ReadmeSection {
  return {
    title: "Bucket CORS",
    body:
      "Browsers PUT and GET the bytes straight to the bucket, so it must allow the app's origin: `APP_URL` (and any\n" +
      `origin in \`CORS_ORIGINS\`) in place of the two below. ${where}:\n\n` +
      "```json\n" +
      "[\n" +
      "  {\n" +
      '    "AllowedOrigins": ["http://localhost:3000", "https://app.example.com"],\n' +
      '    "AllowedMethods": ["PUT", "GET"],\n' +
      '    "AllowedHeaders": ["Content-Type"],\n' +
      '    "MaxAgeSeconds": 3600\n' +
      "  }\n" +
      "]\n" +
      "```\n\n" +
      `The upload URL signs the declared size and type, so ${backend} refuses a PUT of other bytes; Content-Length is set by the\n` +
      "browser and needs no rule.",
  };
}
