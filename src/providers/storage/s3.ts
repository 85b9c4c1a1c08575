import type { ItemDescriptor } from "../types.js";
import { bucketCorsSection, s3Api } from "./s3-api.js";

/** Amazon S3 for `--storage s3`: the S3 API core (uploads, the AWS SDK adapter) with S3's settings. */
export const s3: ItemDescriptor<"s3"> = {
  id: "s3",
  label: "Amazon S3",
  hint: "browsers upload straight to a bucket through presigned URLs; also MinIO and other S3-compatible servers",
  templates: "storage/s3",
  requires: [s3Api],
  env: [
    {
      name: "S3_BUCKET",
      comment: "Name of the bucket uploads are stored in (S3 console > Buckets). Unset: the upload and file routes answer 503 NOT_CONFIGURED.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "S3_REGION",
      comment: "AWS Region of the bucket (S3 console > Buckets, the AWS Region column), e.g. us-east-1; for an S3-compatible server, the region it expects.",
      schema: "z.string().min(1).optional()",
      example: "us-east-1",
    },
    {
      name: "S3_ACCESS_KEY_ID",
      comment:
        "Access key id (AKIA...) of an IAM user allowed s3:PutObject, s3:GetObject and s3:DeleteObject on the bucket's objects and s3:ListBucket on the bucket (without it a missing object reads as 403, not 404): IAM console > Users > the user > Security credentials > Create access key.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "S3_SECRET_ACCESS_KEY",
      comment: "Secret access key of that access key id, shown once when the key is created.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    {
      name: "S3_ENDPOINT",
      comment:
        "Endpoint of an S3-compatible server instead of Amazon S3, for MinIO and the like or local testing (e.g. http://127.0.0.1:9000); browsers upload to it, so they must reach it. Unset: Amazon S3 in S3_REGION.",
      schema: "z.url().optional()",
      example: "",
    },
    {
      name: "S3_FORCE_PATH_STYLE",
      comment:
        "`true`: the bucket goes in the URL's path (<endpoint>/<bucket>/<key>), as most S3-compatible servers and local testing need. Unset or `false`: in the host name, as Amazon S3 prefers.",
      schema: 'z.enum(["true", "false"]).optional()',
      example: "",
    },
  ],
  readme: [
    bucketCorsSection("S3", "S3 console > the bucket > Permissions > Cross-origin resource\nsharing (CORS)"),
  ],
  nextSteps: [
    "Create an S3 bucket, give it the CORS rule under \"Bucket CORS\" in the README, and set S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY in .env",
  ],
};
