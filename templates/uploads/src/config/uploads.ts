import type { PlanId } from "./plans";

/**
 * What users may upload. A product owner changes it here: the types accepted (by their declared Content-Type) and the
 * largest file each plan may upload, in bytes.
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
    free: 5 * 1024 * 1024,
    pro: 50 * 1024 * 1024,
    enterprise: 500 * 1024 * 1024,
  } satisfies Record<PlanId, number>,
  /** How long an upload or download URL stays valid. */
  urlLifetimeMs: 10 * 60_000,
} as const;
