"use client";

import { type ChangeEvent, useId, useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/input";
import { uploads } from "@/config/uploads";
import { ApiRequestError } from "@/lib/client/api";
import { cn } from "@/lib/ui/cn";
import { formatSize } from "@/lib/ui/format-size";
import { acceptedKinds } from "@/lib/uploads/kinds";
import type { StoredFile } from "./types";
import { UploadTransferError, uploadFile } from "./upload-file";

type Progress = { filename: string; percent: number; done: boolean };

interface UploadCardProps {
  /** The largest file the user's plan takes, in bytes: said before a file is picked. */
  maxBytes: number;
  onUploaded(file: StoredFile): void;
}

/**
 * Picking a file uploads it at once, with its progress shown; a refusal is shown in the API's words, until the next
 * upload starts.
 */
export function UploadCard({ maxBytes, onUploaded }: UploadCardProps) {
  const inputId = useId();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const uploading = progress !== null && !progress.done;

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setProgress({ filename: file.name, percent: 0, done: false });
    try {
      const stored = await uploadFile(file, (sent) =>
        setProgress({ filename: file.name, percent: Math.round(sent * 100), done: false }),
      );
      setProgress({ filename: file.name, percent: 100, done: true });
      onUploaded(stored);
    } catch (failure) {
      setProgress(null);
      setError(reasonOf(failure));
    } finally {
      // The same file picked again is a new upload.
      input.value = "";
    }
  }

  return (
    <Card aria-labelledby={`${inputId}-title`}>
      <CardHeader>
        <CardTitle id={`${inputId}-title`}>Upload a file</CardTitle>
        <CardDescription id={`${inputId}-hint`}>
          {acceptedKinds()}, up to {formatSize(maxBytes)} each. Picking a file uploads it.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-1.5">
          <label htmlFor={inputId} className="text-sm font-medium">
            Choose a file
          </label>
          <input
            id={inputId}
            type="file"
            accept={Object.keys(uploads.allowedTypes).join(",")}
            onChange={upload}
            disabled={uploading}
            aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ""}`}
            aria-invalid={error ? true : undefined}
            className={cn(
              inputClasses,
              "h-auto py-2 file:mr-3 file:rounded file:border-0 file:bg-muted file:px-3 file:py-1 file:text-sm file:font-medium file:text-foreground",
            )}
          />
        </div>
        {progress && <UploadProgress progress={progress} />}
        {error && (
          <p id={`${inputId}-error`} role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
      </CardContent>
    </Card>
  );
}

function UploadProgress({ progress }: { progress: Progress }) {
  const labelId = useId();
  const label = progress.done
    ? `Uploaded ${progress.filename}`
    : `Uploading ${progress.filename}: ${progress.percent}%`;
  return (
    <div className="grid gap-1.5">
      <p id={labelId} role="status" className="text-sm">
        {label}
      </p>
      <progress
        aria-labelledby={labelId}
        value={progress.percent}
        max={100}
        className="h-2 w-full overflow-hidden rounded-full bg-muted [&::-moz-progress-bar]:bg-primary [&::-webkit-progress-bar]:bg-muted [&::-webkit-progress-value]:bg-primary"
      />
    </div>
  );
}

/** What to tell the user: the API's own message for its refusals (415, 413, 422, ...), the storage's for a failed PUT. */
function reasonOf(failure: unknown): string {
  if (failure instanceof ApiRequestError || failure instanceof UploadTransferError) return failure.message;
  return "Could not reach the server. Check your connection and try again.";
}
