"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { navigation } from "@/config/navigation";
import { site } from "@/config/site";
import { authClient } from "@/lib/auth/client";
import { cn } from "@/lib/ui/cn";

/**
 * The signed-in app's frame: its pages in a bar on top, and signing out. On a phone the pages get a row of their own
 * under the app's name (scrolling sideways if they do not fit).
 */
export function AppShell({ email, children }: { email: string; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();

  async function signOut() {
    await authClient.signOut();
    router.push("/sign-in");
    router.refresh();
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded bg-card px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <header className="border-b">
        <div className="mx-auto flex h-(--app-header-height) w-full max-w-6xl flex-wrap content-center items-center gap-x-4 gap-y-1 px-4 md:flex-nowrap">
          <Link href="/" className="min-w-0 truncate font-semibold md:shrink-0">
            {site.name}
          </Link>
          <nav
            aria-label="Main"
            className="order-last -mx-1 flex w-full min-w-0 gap-1 overflow-x-auto px-1 md:order-none md:w-auto md:flex-1"
          >
            {navigation.map((link) => {
              const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
              return (
                <Link
                  key={link.href}
                  href={link.href}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "rounded-md px-3 py-1.5 text-sm whitespace-nowrap hover:bg-muted",
                    "focus-visible:outline-2 focus-visible:outline-ring",
                    current ? "bg-muted font-medium" : "text-muted-foreground",
                  )}
                >
                  {link.label}
                </Link>
              );
            })}
          </nav>
          <span className="hidden max-w-48 truncate text-sm text-muted-foreground md:inline" title={email}>
            {email}
          </span>
          <Button variant="outline" size="sm" className="ml-auto shrink-0 md:ml-0" onClick={signOut}>
            Sign out
          </Button>
        </div>
      </header>
      <div id="main" className="flex min-h-0 flex-1 flex-col">
        {children}
      </div>
    </div>
  );
}
