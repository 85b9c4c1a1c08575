"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { callApi } from "@/lib/client/api";
import type { StoredFile } from "./types";

interface DeleteFileDialogProps {
  /** The file to delete; null keeps the dialog closed. */
  file: StoredFile | null;
  onClose: () => void;
  onDeleted: (file: StoredFile) => void;
}

/** Asks before deleting a file for good; a refusal stays in the dialog, in the API's words. */
export function DeleteFileDialog({ file, onClose, onDeleted }: DeleteFileDialogProps) {
  return (
    <ConfirmDialog
      open={file !== null}
      onClose={onClose}
      title="Delete this file?"
      description={file ? `${file.filename} will be deleted for good, and its download links stop working.` : undefined}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        if (!file) return;
        await callApi(`/api/files/${encodeURIComponent(file.id)}`, { method: "DELETE" });
        onDeleted(file);
      }}
    />
  );
}
