import { env } from "@/lib/env";
import { disk } from "./disk";
import { signDownload, signUpload } from "./signed-url";
import type { StorageAdapter } from "./types";

/** The app's own storage route, where signed URLs point: `/api/storage/<key>` with each key segment URL-encoded. */
function routeUrl(key: string, query: URLSearchParams): string {
  const path = key.split("/").map(encodeURIComponent).join("/");
  return `${env.APP_URL.replace(/\/+$/, "")}/api/storage/${path}?${query}`;
}

/**
 * Uploads on the app's own disk (STORAGE_LOCAL_DIR): no account and nothing else to run. The browser PUTs the bytes to
 * the app's `/api/storage/<key>` route and downloads them from there, through URLs signed with STORAGE_SIGNING_SECRET
 * that name the method, key, size, type or filename, and expiry; the route stores exactly what was signed, once.
 * One app instance (or a shared volume) only: a second server would not see these files.
 */
export const storage: StorageAdapter = {
  id: "local",
  name: "Local disk",

  async createUploadUrl(object) {
    // A key the disk would refuse fails here, when the URL is asked for, not when the bytes arrive.
    disk.pathOf(object.key);
    const url = routeUrl(object.key, signUpload(object, env.STORAGE_SIGNING_SECRET));
    return { url, headers: { "Content-Type": object.contentType } };
  },

  stat: (key) => disk.stat(key),

  async createDownloadUrl(grant) {
    disk.pathOf(grant.key);
    return routeUrl(grant.key, signDownload(grant, env.STORAGE_SIGNING_SECRET));
  },

  delete: (key) => disk.remove(key),
};
