import type { Metadata } from "next";
import { FileManager } from "@/components/files/file-manager";

export const metadata: Metadata = { title: "Files" };

/** The signed-in user's uploads: add one, download or delete what is there. */
export default function FilesPage() {
  return (
    <main className="mx-auto grid w-full max-w-3xl gap-8 px-4 py-8">
      <div className="grid gap-1">
        <h1 className="text-2xl font-bold tracking-tight">Files</h1>
        <p className="text-muted-foreground">Only you can see and download your files.</p>
      </div>
      <FileManager />
    </main>
  );
}
