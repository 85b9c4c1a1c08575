"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { TooltipProvider } from "@/components/ui/tooltip";
import { navigation } from "@/config/navigation";
import { site } from "@/config/site";
import { cn } from "@/lib/ui/cn";
import type { MenuUser } from "./avatar";
import { UserMenu } from "./user-menu";

/**
 * The signed-in app's frame: its pages in a bar on top, and the user's menu. On a phone the pages get a row of their
 * own under the app's name (scrolling sideways if they do not fit).
 */
export function AppShell({ user, children }: { user: MenuUser; children: ReactNode }) {
  const pathname = usePathname();

  return (
    <TooltipProvider>
      <div className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only rounded bg-card px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to content
        </a>
        <header className="border-b">
          <div className="mx-auto flex h-(--app-header-height) w-full max-w-5xl flex-wrap content-center items-center gap-x-4 gap-y-1 px-4 md:flex-nowrap">
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
                      "rounded-md px-3 py-1.5 text-sm whitespace-nowrap hover:bg-accent hover:text-accent-foreground",
                      "focus-visible:outline-2 focus-visible:outline-ring",
                      current ? "bg-muted font-medium" : "text-muted-foreground",
                    )}
                  >
                    {link.label}
                  </Link>
                );
              })}
            </nav>
            <div className="ml-auto md:ml-0">
              <UserMenu user={user} />
            </div>
          </div>
        </header>
        <div id="main" className="flex min-h-0 flex-1 flex-col">
          {children}
        </div>
      </div>
    </TooltipProvider>
  );
}
