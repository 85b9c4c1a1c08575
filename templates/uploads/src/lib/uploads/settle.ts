import { callService } from "@/lib/api/errors";
import { storage } from "@/lib/storage/adapter";
import { markUpload, type UploadRecord } from "./store";

/**
 * A pending upload as its stored bytes make it: complete once they are what was declared (size and type); failed,
 * and the bytes deleted, when they are not; still pending while nothing is stored. Any other upload as it is.
 */
export async function settle(upload: UploadRecord): Promise<UploadRecord & { mismatch?: Record<string, unknown> }> {
  if (upload.status !== "pending") return upload;
  const stored = await callService(storage.name, () => storage.stat(upload.key));
  if (!stored) return upload;
  if (stored.size === upload.size && stored.contentType.toLowerCase() === upload.contentType) {
    await markUpload(upload.id, "complete");
    return { ...upload, status: "complete", completedAt: new Date() };
  }
  await callService(storage.name, () => storage.delete(upload.key));
  await markUpload(upload.id, "failed");
  return {
    ...upload,
    status: "failed",
    mismatch: { declared: { size: upload.size, contentType: upload.contentType }, stored },
  };
}
