import { uploads as limits } from "@/config/uploads";
import { storage } from "@/lib/storage/adapter";
import { settle } from "./settle";
import { deleteUploads, unfinishedUploads } from "./store";

/** Slack for the storage backend's clock: a URL is trusted to be dead this long after it expired. */
const CLOCK_SKEW_MS = 60_000;
/** The most uploads one sweep removes, so no request pays for a long backlog at once. */
const BATCH = 100;

/**
 * Settles the uploads whose URLs can no longer be used and that were not completed: one whose bytes arrived as
 * declared is complete (a client need not have said so); the rest go, pending ones that never got their bytes, failed
 * ones, and deleted ones (whose URL a late PUT could still have used). Their bytes go first, then their rows, so a
 * failure leaves the row for the next sweep rather than bytes nobody can find. Runs on every upload request.
 */
export async function sweepUnfinishedUploads(now = Date.now()): Promise<void> {
  const stale = await unfinishedUploads(new Date(now - limits.urlLifetimeMs - CLOCK_SKEW_MS), BATCH);
  const gone: string[] = [];
  for (const upload of stale) {
    if ((await settle(upload)).status === "complete") continue;
    await storage.delete(upload.key);
    gone.push(upload.id);
  }
  await deleteUploads(gone);
}
