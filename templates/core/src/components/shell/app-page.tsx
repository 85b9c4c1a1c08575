import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

interface AppPageProps {
  title: string;
  description?: string;
  /** Forms and lists read best in a narrower column, still on the header's left edge. */
  narrow?: boolean;
  children: ReactNode;
}

/**
 * One page of the signed-in app: as wide as the header above it, with the same spacing and heading on every page, so
 * moving between pages never shifts the left edge.
 */
export function AppPage({ title, description, narrow = false, children }: AppPageProps) {
  return (
    <main className="mx-auto grid w-full max-w-5xl content-start gap-8 px-4 py-8">
      <header className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="text-muted-foreground">{description}</p>}
      </header>
      <div className={cn("grid gap-6", narrow && "max-w-3xl")}>{children}</div>
    </main>
  );
}
