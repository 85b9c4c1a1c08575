import type { ItemDescriptor } from "../types.js";

/**
 * What every storage backend brings besides its adapter: the upload and files routes, the uploads table, the upload
 * limits, error codes and docs (templates/uploads/), so `--storage local|s3|r2` differ in src/lib/storage/ alone.
 */
export const uploads: ItemDescriptor<"uploads"> = {
  id: "uploads",
  label: "Uploads",
  templates: "uploads",
  schemaModules: ["uploads"],
  navigation: [{ href: "/files", label: "Files", order: 40 }],
  errorCodes: [
    { code: "UNSUPPORTED_FILE_TYPE", status: 415 },
    { code: "FILE_TOO_LARGE", status: 413 },
    { code: "STORAGE_QUOTA_EXCEEDED", status: 413 },
    { code: "UPLOAD_INCOMPLETE", status: 409 },
    { code: "UPLOAD_MISMATCH", status: 422 },
  ],
  routes: [
    {
      path: "/api/upload",
      methods: "POST",
      auth: "yes",
      summary:
        '`{ "filename", "contentType", "size" }`: `{ id, uploadUrl, method, headers, key, fileUrl, completeUrl, expiresAt }`; PUT the bytes there, then `fileUrl` serves them',
    },
    {
      path: "/api/files/[id]/complete",
      methods: "POST",
      auth: "yes",
      summary: "optional, after the PUT: checks what arrived against what was declared at once (reading or listing the file does it too); not counted",
    },
    { path: "/api/files", methods: "GET", auth: "yes", summary: "your files, newest first" },
    { path: "/api/files/[id]", methods: "GET, DELETE", auth: "yes", summary: "one file with a short-lived download URL; delete it" },
    { path: "/api/files/[id]/content", methods: "GET", auth: "yes", summary: "redirects to a short-lived download URL" },
  ],
  readme: [
    {
      title: "Uploads",
      body:
        "`POST /api/upload` checks the type, the plan's size limit and the plan's storage quota (`src/config/uploads.ts`;\n" +
        "files kept plus uploads still arriving; 413 `STORAGE_QUOTA_EXCEEDED` names the quota) and answers a short-lived\n" +
        "URL; the browser PUTs the bytes straight to it with the headers given, and `fileUrl` serves them from then on:\n" +
        "the first read or listing checks what arrived (size and type) and deletes it if it is not what was declared.\n" +
        "`POST /api/files/[id]/complete` does that check at once, for a client that wants the answer (it is not counted\n" +
        "against the rate limit: the upload's own request was). Keys are\n" +
        "`<user id>/<random id>/<safe name>`: a client's file name is never a path. Downloads are short-lived URLs handed\n" +
        "only to the file's owner. Uploads never completed, failed or deleted are swept (bytes, then record) once their\n" +
        "URL has expired, on the next upload request; until then a deleted file's record stays hidden, so whatever a\n" +
        "late PUT to its URL stores is swept too.",
    },
  ],
};
