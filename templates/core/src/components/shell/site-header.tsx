"use client";

import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { site } from "@/config/site";
import { authClient } from "@/lib/client/auth";

/** The public pages' header: the app's name, and the way in (or back in, for a signed-in visitor). */
export function SiteHeader() {
  const { data: session, isPending } = authClient.useSession();
  return (
    <header className="border-b">
      <div className="mx-auto flex h-14 w-full max-w-5xl items-center justify-between gap-4 px-4">
        <Link href="/" className="font-semibold">
          {site.name}
        </Link>
        <nav aria-label="Account" className="flex items-center gap-2">
          {isPending ? null : session ? (
            <Link href="/chat" className={buttonVariants({ size: "sm" })}>
              Open the app
            </Link>
          ) : (
            <>
              <Link href="/sign-in" className={buttonVariants({ variant: "ghost", size: "sm" })}>
                Sign in
              </Link>
              <Link href="/sign-up" className={buttonVariants({ size: "sm" })}>
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
