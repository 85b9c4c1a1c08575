import type { Metadata } from "next";
import { FileManager } from "@/components/files/file-manager";
import { planIdOf } from "@/config/plans";
import { uploads } from "@/config/uploads";
import { requireCaller } from "@/lib/auth/page-session";
import { listFiles } from "@/lib/uploads/service";

export const metadata: Metadata = { title: "Files" };

/** The signed-in user's uploads, listed on the server: add one, download or delete what is there. */
export default async function FilesPage() {
  const caller = await requireCaller();
  const files = await listFiles(caller);
  return (
    <main className="mx-auto grid w-full max-w-3xl gap-8 px-4 py-8">
      <div className="grid gap-1">
        <h1 className="text-2xl font-bold tracking-tight">Files</h1>
        <p className="text-muted-foreground">Only you can see and download your files.</p>
      </div>
      <FileManager
        maxBytes={uploads.maxBytes[planIdOf(caller.plan)]}
        initialFiles={files.map((file) => ({
          ...file,
          createdAt: file.createdAt.toISOString(),
          completedAt: file.completedAt?.toISOString() ?? null,
        }))}
      />
    </main>
  );
}
