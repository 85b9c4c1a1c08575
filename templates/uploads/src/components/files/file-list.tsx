import { Button, buttonVariants } from "@/components/ui/button";
import { useLocalTime } from "@/components/ui/use-local-time";
import { formatSize } from "@/lib/ui/format-size";
import type { StoredFile } from "./types";

/** The caller's files, newest first: name, size, when, and a download link and a delete button for each. */
export function FileList({ files, onDelete }: { files: StoredFile[]; onDelete: (file: StoredFile) => void }) {
  const localTime = useLocalTime();
  if (files.length === 0) {
    return <p className="rounded-lg border border-dashed p-8 text-center text-muted-foreground">No files yet.</p>;
  }
  return (
    <ul className="divide-y rounded-lg border bg-card" aria-label="Your files">
      {files.map((file) => (
        <li key={file.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <div className="grid min-w-0 flex-1 gap-0.5">
            <p className="truncate font-medium" title={file.filename}>
              {file.filename}
            </p>
            <p className="text-sm text-muted-foreground">
              {formatSize(file.size)} · {localTime(file.createdAt)}
            </p>
          </div>
          <div className="flex gap-2">
            <a
              href={`/api/files/${encodeURIComponent(file.id)}/content`}
              download={file.filename}
              className={buttonVariants({ variant: "outline", size: "sm" })}
            >
              Download<span className="sr-only"> {file.filename}</span>
            </a>
            <Button variant="ghost" size="sm" className="text-destructive" onClick={() => onDelete(file)}>
              Delete<span className="sr-only"> {file.filename}</span>
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
