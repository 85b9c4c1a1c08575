import { uploads as limits } from "@/config/uploads";
import { planById, planIdOf } from "@/config/plans";
import type { Caller } from "@/lib/api/caller";
import { ApiError, callService, notFound } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { storage } from "@/lib/storage/adapter";
import { formatSize } from "@/lib/ui/format-size";
import { objectKey, safeFilename } from "./filename";
import { acceptedKinds } from "./kinds";
import { settle } from "./settle";
import { createUpload, findUpload, keptBytes, listLiveUploads, markUpload, type UploadRecord } from "./store";
import { sweepUnfinishedUploads } from "./sweep";

/**
 * Starts an upload: refuses a type not allowed (415), a size over the caller's plan or beyond what their plan may
 * keep stored (413), records it as pending under a key of the caller's own, and hands out a short-lived URL to PUT
 * exactly those bytes to.
 */
export async function requestUpload(caller: Caller, input: { filename: string; contentType: string; size: number }) {
  const contentType = input.contentType.toLowerCase();
  if (!Object.hasOwn(limits.allowedTypes, contentType)) {
    throw new ApiError(
      "UNSUPPORTED_FILE_TYPE",
      `This kind of file (${input.contentType}) cannot be uploaded. Accepted: ${acceptedKinds()}.`,
      { allowedTypes: Object.keys(limits.allowedTypes) },
    );
  }
  const plan = planIdOf(caller.plan);
  const maxBytes = limits.maxBytes[plan];
  if (input.size > maxBytes) {
    throw new ApiError(
      "FILE_TOO_LARGE",
      `Files on the ${planById(caller.plan).name} plan can be ${formatSize(maxBytes)} at most; this one is ` +
        `${formatSize(input.size)}.`,
      { maxBytes },
    );
  }
  await callStorage(() => sweepUnfinishedUploads());
  await checkQuota(caller, input.size, limits.quotaBytes[plan]);
  const upload = await createUpload({
    userId: caller.userId,
    key: objectKey(caller.userId, input.filename),
    filename: safeFilename(input.filename),
    contentType,
    size: input.size,
  });
  const expiresAt = new Date(Date.now() + limits.urlLifetimeMs);
  const target = await callStorage(() =>
    storage.createUploadUrl({ key: upload.key, contentType, size: input.size, expiresAt }),
  );
  return {
    id: upload.id,
    uploadUrl: target.url,
    method: "PUT",
    headers: target.headers,
    key: upload.key,
    fileUrl: `${env.APP_URL}/api/files/${upload.id}/content`,
    completeUrl: `${env.APP_URL}/api/files/${upload.id}/complete`,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Ends an upload once its bytes are in: what is stored must be what was declared (size and type), else it is
 * deleted and the upload fails. Nothing stored yet is a 409 the client may retry after its PUT. Calling it is
 * optional: reading or listing the file settles it the same way.
 */
export async function completeUpload(caller: Caller, id: string) {
  const upload = await settle(await ownUpload(caller, id));
  if (upload.status === "complete") return describe(upload);
  if (upload.status === "failed") throw mismatch(upload.mismatch);
  throw new ApiError("UPLOAD_INCOMPLETE", "Nothing has been uploaded to this file's URL yet.");
}

/** The caller's files that arrived, newest first (uploads whose bytes came since are settled first). */
export async function listFiles(caller: Caller) {
  const uploads = await listLiveUploads(caller.userId, new Date(Date.now() - limits.urlLifetimeMs));
  const settled = await Promise.all(uploads.map(settle));
  return settled.filter((upload) => upload.status === "complete").map(describe);
}

/** One of the caller's files with a short-lived download URL. */
export async function fileWithDownload(caller: Caller, id: string) {
  const upload = await completeOwnUpload(caller, id);
  return { ...describe(upload), downloadUrl: await downloadUrl(upload) };
}

/** A short-lived download URL for one of the caller's files, for the redirect of `fileUrl`. */
export async function fileDownloadUrl(caller: Caller, id: string): Promise<string> {
  return downloadUrl(await completeOwnUpload(caller, id));
}

/**
 * Deletes one of the caller's files (pending or not): its bytes, then its record, which stays hidden until the sweep
 * (its upload URL may still be used meanwhile: the sweep deletes whatever such a late PUT stored).
 */
export async function removeFile(caller: Caller, id: string) {
  const upload = await ownUpload(caller, id);
  await callStorage(() => storage.delete(upload.key));
  await markUpload(upload.id, "deleted");
  return { success: true };
}

/** Refuses (413) an upload that would take the caller's files, with those still arriving, past their plan's quota. */
async function checkQuota(caller: Caller, size: number, quotaBytes: number): Promise<void> {
  const usedBytes = await keptBytes(caller.userId, new Date(Date.now() - limits.urlLifetimeMs));
  if (usedBytes + size <= quotaBytes) return;
  throw new ApiError(
    "STORAGE_QUOTA_EXCEEDED",
    `Files on the ${planById(caller.plan).name} plan can take ${formatSize(quotaBytes)} in all; ` +
      `${formatSize(usedBytes)} are in use. Delete some files to make room.`,
    { quotaBytes, usedBytes, size },
  );
}

async function ownUpload(caller: Caller, id: string): Promise<UploadRecord> {
  const upload = await findUpload(caller.userId, id);
  if (!upload) throw notFound("file");
  return upload;
}

async function completeOwnUpload(caller: Caller, id: string): Promise<UploadRecord> {
  const upload = await settle(await ownUpload(caller, id));
  if (upload.status !== "complete") throw notFound("file");
  return upload;
}

function downloadUrl(upload: UploadRecord): Promise<string> {
  const expiresAt = new Date(Date.now() + limits.urlLifetimeMs);
  return callStorage(() => storage.createDownloadUrl({ key: upload.key, filename: upload.filename, expiresAt }));
}

function describe(upload: UploadRecord) {
  const { id, filename, contentType, size, status, createdAt, completedAt } = upload;
  return {
    id,
    filename,
    contentType,
    size,
    status,
    createdAt,
    completedAt,
    fileUrl: `${env.APP_URL}/api/files/${id}/content`,
  };
}

function mismatch(details: Record<string, unknown> = {}): ApiError {
  return new ApiError("UPLOAD_MISMATCH", "What was uploaded is not what was declared; upload the file again.", details);
}

function callStorage<T>(call: () => Promise<T>): Promise<T> {
  return callService(storage.name, call);
}
