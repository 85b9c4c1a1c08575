/** Where upload bytes live: one small adapter per backend behind this interface (`src/lib/storage/adapter.ts`). */
export interface StorageAdapter {
  readonly id: string;
  readonly name: string;
  /**
   * A short-lived URL a client PUTs exactly `size` bytes of `contentType` to, and the headers it must send with them;
   * the backend (or the app's own route) refuses anything else.
   */
  createUploadUrl(object: StoredObject): Promise<{ url: string; headers: Record<string, string> }>;
  /** What is stored under a key, or null when nothing is. */
  stat(key: string): Promise<{ size: number; contentType: string } | null>;
  /** A short-lived URL that downloads the object as `filename`. */
  createDownloadUrl(object: { key: string; filename: string; expiresAt: Date }): Promise<string>;
  /** Removes the object; nothing stored there is not an error. */
  delete(key: string): Promise<void>;
}

/** An object as the upload route declared it. */
export interface StoredObject {
  key: string;
  contentType: string;
  size: number;
  expiresAt: Date;
}
