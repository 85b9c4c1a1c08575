"use client";

import { type KeyboardEvent, type PointerEvent, useState } from "react";

/**
 * For a trigger whose popup (a Radix menu or select) is loaded only when wanted, to keep it out of the page's first
 * load: the module starts loading when the pointer or focus comes near the trigger, and the first click or opening
 * key sets `opened`, upon which the caller renders the loaded popup, open. Spread `triggerProps` on the stand-in.
 */
export function useOpenOnDemand(load: () => Promise<unknown>, openingKeys: readonly string[]) {
  const [opened, setOpened] = useState(false);
  const triggerProps = {
    onPointerEnter: () => void load(),
    onFocus: () => void load(),
    onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
      if (event.button === 0) setOpened(true);
    },
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (!openingKeys.includes(event.key)) return;
      event.preventDefault();
      setOpened(true);
    },
  };
  return { opened, triggerProps };
}
