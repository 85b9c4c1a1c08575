import type { Metadata } from "next";
import { FileManager } from "@/components/files/file-manager";
import { AppPage } from "@/components/shell/app-page";
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
    <AppPage title="Files" description="Only you can see and download your files." narrow>
      <FileManager
        maxBytes={uploads.maxBytes[planIdOf(caller.plan)]}
        initialFiles={files.map((file) => ({
          ...file,
          createdAt: file.createdAt.toISOString(),
          completedAt: file.completedAt?.toISOString() ?? null,
        }))}
      />
    </AppPage>
  );
}
