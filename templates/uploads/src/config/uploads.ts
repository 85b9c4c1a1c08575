import type { PlanId } from "./plans";

const MB = 1024 * 1024;

/**
 * What users may upload. A product owner changes it here: the types accepted (by their declared Content-Type), the
 * largest file each plan may upload, and how much each plan may keep stored in all, in bytes.
 */
export const uploads = {
  /** Each type accepted (its Content-Type) with what people call it, as the pages and the refusals name it. */
  allowedTypes: {
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "image/gif": "GIF image",
    "image/webp": "WebP image",
    "application/pdf": "PDF",
    "text/plain": "text file",
    "text/csv": "CSV file",
    "text/markdown": "Markdown file",
    "application/json": "JSON file",
  } as Readonly<Record<string, string>>,
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
