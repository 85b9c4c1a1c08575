import type { PlanId } from "./plans";

const MB = 1024 * 1024;

/**
 * What users may upload. A product owner changes it here: the types accepted (by their declared Content-Type), the
 * largest file each plan may upload, and how much each plan may keep stored in all, in bytes.
 */
export const uploads = {
  allowedTypes: [
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "text/plain",
    "text/csv",
    "text/markdown",
    "application/json",
  ],
  maxBytes: {
    free: 5 * MB,
    pro: 50 * MB,
    enterprise: 500 * MB,
  } satisfies Record<PlanId, number>,
  /** Everything a user keeps: their files plus the uploads still arriving. */
  quotaBytes: {
    free: 100 * MB,
    pro: 10 * 1024 * MB,
    enterprise: 100 * 1024 * MB,
  } satisfies Record<PlanId, number>,
  /** How long an upload or download URL stays valid; an upload not completed by then is swept, bytes and record. */
  urlLifetimeMs: 10 * 60_000,
} as const;
