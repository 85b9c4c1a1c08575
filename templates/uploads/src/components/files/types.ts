/** One of the caller's files, as GET /api/files lists it. */
export interface StoredFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** Listed files have arrived as declared: "complete". */
  status: string;
  createdAt: string;
  completedAt: string | null;
  fileUrl: string;
}

/** Where POST /api/upload says to send a file's bytes. */
export interface UploadTarget {
  id: string;
  uploadUrl: string;
  method: string;
  headers: Record<string, string>;
}
