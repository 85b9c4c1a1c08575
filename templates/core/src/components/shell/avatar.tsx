import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";
import { initialsOf } from "@/lib/ui/initials";

export interface MenuUser {
  name: string;
  email: string;
}

/** The user's initials in a circle, as the button that opens their menu; named for screen readers by who they are. */
export function Avatar({ user, className, ...props }: ComponentProps<"button"> & { user: MenuUser }) {
  return (
    <button
      type="button"
      aria-haspopup="menu"
      className={cn(
        "flex size-9 shrink-0 items-center justify-center rounded-full bg-primary text-sm font-medium text-primary-foreground outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
        className,
      )}
      {...props}
    >
      <span aria-hidden="true">{initialsOf(user)}</span>
      <span className="sr-only">Account: {user.name || user.email}</span>
    </button>
  );
}
