"use client";

import { lazy, Suspense } from "react";
import { useOpenOnDemand } from "@/components/ui/use-open-on-demand";
import { Avatar, type MenuUser } from "./avatar";

const loadDropdown = () => import("./user-menu-dropdown");
const UserMenuDropdown = lazy(loadDropdown);

/**
 * The user's avatar and menu. The page first shows the avatar button alone; the menu (Radix, with its focus handling)
 * loads when the pointer or focus comes near, and takes over, open, on the first click or opening key.
 */
export function UserMenu({ user }: { user: MenuUser }) {
  const { opened, triggerProps } = useOpenOnDemand(loadDropdown, ["Enter", " ", "ArrowDown"]);
  const avatar = <Avatar user={user} aria-expanded={false} {...triggerProps} />;
  if (!opened) return avatar;
  return (
    <Suspense fallback={avatar}>
      <UserMenuDropdown user={user} defaultOpen />
    </Suspense>
  );
}
