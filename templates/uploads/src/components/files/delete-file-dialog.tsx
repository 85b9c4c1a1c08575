"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { callApi, messageOf } from "@/lib/api/browser";
import type { StoredFile } from "./types";

interface DeleteFileDialogProps {
  /** The file to delete; null keeps the dialog closed. */
  file: StoredFile | null;
  onClose: () => void;
  onDeleted: (file: StoredFile) => void;
}

/** Asks before deleting a file for good; a refusal stays in the dialog, in the API's words. */
export function DeleteFileDialog({ file, onClose, onDeleted }: DeleteFileDialogProps) {
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    if (!file) return;
    setDeleting(true);
    setError(null);
    try {
      await callApi(`/api/files/${encodeURIComponent(file.id)}`, { method: "DELETE" });
      onDeleted(file);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setDeleting(false);
    }
  }

  function close() {
    setError(null);
    onClose();
  }

  return (
    <Dialog
      open={file !== null}
      onClose={close}
      title="Delete this file?"
      description={file ? `${file.filename} will be deleted for good, and its download links stop working.` : undefined}
    >
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button variant="destructive" onClick={remove} disabled={deleting}>
          {deleting ? "Deleting…" : "Delete"}
        </Button>
      </div>
    </Dialog>
  );
}
