import type { ItemDescriptor } from "../types.js";
import { bucketCorsSection, s3Api } from "./s3-api.js";

/** Cloudflare R2 for `--storage r2`: the S3 API core (uploads, the AWS SDK adapter) with R2's settings. */
export const r2: ItemDescriptor<"r2"> = {
  id: "r2",
  label: "Cloudflare R2",
  hint: "S3-compatible object storage without egress fees; browsers upload straight to a bucket through presigned URLs",
  templates: "storage/r2",
  requires: [s3Api],
  env: [
    {
      name: "R2_ACCOUNT_ID",
      comment: "Cloudflare account id (dashboard > R2 Object Storage > Overview, Account Details): the app reaches R2 at https://<account id>.r2.cloudflarestorage.com.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "R2_BUCKET",
      comment: "Name of the R2 bucket uploads are stored in (R2 Object Storage > Overview). Unset: the upload and file routes answer 503 NOT_CONFIGURED.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "R2_ACCESS_KEY_ID",
      comment: "Access Key ID of an R2 API token with Object Read & Write on the bucket: R2 Object Storage > Manage API tokens > Create API token.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "R2_SECRET_ACCESS_KEY",
      comment: "Secret Access Key of that token, shown once when the token is created.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "R2_ENDPOINT",
      comment:
        "Another endpoint for the S3 API instead of R2's, for S3-compatible servers and local testing (e.g. http://127.0.0.1:9000); it wins over R2_ACCOUNT_ID. Unset: https://<R2_ACCOUNT_ID>.r2.cloudflarestorage.com.",
      schema: "z.url().optional()",
      example: "",
    },
  ],
  readme: [
    bucketCorsSection("R2", "Cloudflare dashboard > R2 Object Storage > the bucket >\nSettings > CORS Policy"),
  ],
  nextSteps: [
    "Create an R2 bucket, give it the CORS policy under \"Bucket CORS\" in the README, and set R2_ACCOUNT_ID, R2_BUCKET, R2_ACCESS_KEY_ID and R2_SECRET_ACCESS_KEY in .env",
  ],
};
