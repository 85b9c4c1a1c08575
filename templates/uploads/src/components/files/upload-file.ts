import { callApi } from "@/lib/client/api";
import type { StoredFile, UploadTarget } from "./types";

/** Thrown when the storage refused or lost the bytes (the API's refusals are ApiRequestErrors). */
export class UploadTransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UploadTransferError";
  }
}

/**
 * Uploads one file the way the API asks: it declares the file (the API checks its type and size), the bytes go
 * straight to the URL it answers, with its method and headers, then the API checks what arrived and lists the file.
 * `onProgress` gets the share of the bytes sent, 0 to 1.
 */
export async function uploadFile(file: File, onProgress: (sent: number) => void): Promise<StoredFile> {
  const target = await callApi<UploadTarget>("/api/upload", {
    method: "POST",
    // A file the browser cannot type is declared as bytes; the API then says which types it takes.
    json: { filename: file.name, contentType: file.type || "application/octet-stream", size: file.size },
  });
  await sendBytes(file, target, onProgress);
  return callApi<StoredFile>(`/api/files/${encodeURIComponent(target.id)}/complete`, { method: "POST" });
}

/** XMLHttpRequest rather than fetch: only it reports how much of a request's body has been sent. */
function sendBytes(file: File, target: UploadTarget, onProgress: (sent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(target.method, target.uploadUrl);
    for (const [name, value] of Object.entries(target.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(new UploadTransferError(refusalOf(request)));
      }
    };
    request.onerror = () =>
      reject(new UploadTransferError("The upload was interrupted. Check your connection and try again."));
    request.onabort = () => reject(new UploadTransferError("The upload was canceled."));
    request.send(file);
  });
}

/** The storage's reason in the API's error shape (the app's own storage), else its status (a bucket's XML). */
function refusalOf(request: XMLHttpRequest): string {
  try {
    const body = JSON.parse(request.responseText) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {
    // Not JSON: a storage service's own error document.
  }
  return `The storage refused the upload (HTTP ${request.status}); try again.`;
}
