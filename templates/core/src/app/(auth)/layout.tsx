import Link from "next/link";
import type { ReactNode } from "react";
import { site } from "@/config/site";

/** Signing in, up and back: one narrow column in the middle of the screen, with the way back to the landing page. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex h-14 w-full max-w-5xl items-center px-4">
        <Link href="/" className="font-semibold">
          {site.name}
        </Link>
      </header>
      <main id="main" className="flex flex-1 justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
