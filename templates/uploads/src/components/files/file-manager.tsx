"use client";

import { useState } from "react";
import { useToast } from "@/components/ui/toast";
import { DeleteFileDialog } from "./delete-file-dialog";
import { FileList } from "./file-list";
import type { StoredFile } from "./types";
import { UploadCard } from "./upload-card";

/** The files page's content, as the server listed it: an upload card above the caller's files. */
export function FileManager({ initialFiles, maxBytes }: { initialFiles: StoredFile[]; maxBytes: number }) {
  const toast = useToast();
  const [files, setFiles] = useState(initialFiles);
  const [toDelete, setToDelete] = useState<StoredFile | null>(null);

  function deleted(file: StoredFile) {
    setToDelete(null);
    setFiles((all) => all.filter((candidate) => candidate.id !== file.id));
    toast({ title: "File deleted", description: file.filename, tone: "success" });
  }

  return (
    <div className="grid gap-8">
      <UploadCard maxBytes={maxBytes} onUploaded={(file) => setFiles((all) => [file, ...all])} />
      <section aria-labelledby="files-title" className="grid gap-3">
        <h2 id="files-title" className="text-lg font-semibold">
          Your files
        </h2>
        <FileList files={files} onDelete={setToDelete} />
      </section>
      <DeleteFileDialog file={toDelete} onClose={() => setToDelete(null)} onDeleted={deleted} />
    </div>
  );
}
