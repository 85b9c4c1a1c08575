"use client";

import { useEffect, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { callApi, messageOf } from "@/lib/api/browser";
import { DeleteFileDialog } from "./delete-file-dialog";
import { FileList } from "./file-list";
import type { StoredFile } from "./types";
import { UploadCard } from "./upload-card";

/** The files page's content: an upload card above the caller's files. */
export function FileManager() {
  const toast = useToast();
  const [files, setFiles] = useState<StoredFile[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<StoredFile | null>(null);

  useEffect(() => {
    let current = true;
    callApi<StoredFile[]>("/api/files").then(
      (answer) => current && setFiles(answer),
      (failure: unknown) => current && setLoadError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, []);

  function deleted(file: StoredFile) {
    setToDelete(null);
    setFiles((all) => all?.filter((candidate) => candidate.id !== file.id) ?? null);
    toast({ title: "File deleted", description: file.filename, tone: "success" });
  }

  return (
    <div className="grid gap-8">
      <UploadCard onUploaded={(file) => setFiles((all) => [file, ...(all ?? [])])} />
      <section aria-labelledby="files-title" className="grid gap-3">
        <h2 id="files-title" className="text-lg font-semibold">
          Your files
        </h2>
        {loadError ? (
          <p role="alert" className="text-destructive">
            {loadError}
          </p>
        ) : files ? (
          <FileList files={files} onDelete={setToDelete} />
        ) : (
          <div aria-hidden="true" className="h-32 animate-pulse rounded-lg border bg-muted" />
        )}
      </section>
      <DeleteFileDialog file={toDelete} onClose={() => setToDelete(null)} onDeleted={deleted} />
    </div>
  );
}
