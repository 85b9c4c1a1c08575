import { randomBytes } from "node:crypto";
import type { ItemDescriptor } from "../types.js";
import { uploads } from "./uploads.js";

/**
 * Uploads on the app's own disk for `--storage local` (the default): the shared uploads core plus an adapter whose
 * signed URLs point at the app's own /api/storage route. No account, nothing else to run.
 */
export const local: ItemDescriptor<"local"> = {
  id: "local",
  label: "Local disk",
  hint: "files in ./data/uploads, served by the app itself through signed URLs; one server only",
  templates: "storage/local",
  requires: [uploads],
  routes: [
    {
      path: "/api/storage/[...key]",
      methods: "PUT, GET",
      auth: "signature",
      summary: "where the signed upload and download URLs point: PUT the exact bytes once, GET them as an attachment",
    },
  ],
  readme: [
    {
      title: "Local storage",
      body:
        "Files live under `STORAGE_LOCAL_DIR` (`./data/uploads`): the bytes in `objects/<key>`, the content type beside\n" +
        "them in `meta/`. The upload and download URLs point at the app's own `/api/storage/<key>`, signed (HMAC-SHA256 with\n" +
        "`STORAGE_SIGNING_SECRET`) over the method, key, size and type or file name, and expiry. A PUT stores exactly the\n" +
        "signed size and type, once; more bytes stop it with 413 as they arrive. One server only: put the folder on a\n" +
        "persistent volume, or choose `--storage s3` or `r2` to run several.",
    },
  ],
  env: [
    {
      name: "STORAGE_SIGNING_SECRET",
      comment:
        "Signs the upload and download URLs of /api/storage. At least 32 random characters; generate one with `openssl rand -base64 32`. Changing it voids the URLs handed out.",
      schema: "z.string().min(32)",
      example: "",
      value: () => randomBytes(32).toString("base64url"),
      ci: "ci-only-storage-signing-secret-not-a-real-one-0123456789",
    },
    {
      name: "STORAGE_LOCAL_DIR",
      comment:
        "The folder uploads are stored in, relative to the app's folder or absolute. Unset: ./data/uploads (git-ignored). Keep it on a persistent volume in production.",
      schema: 'z.string().min(1).default("./data/uploads")',
      example: "./data/uploads",
    },
  ],
};
