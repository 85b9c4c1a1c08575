"use client";

import { useState } from "react";

/**
 * Copying text to the clipboard with feedback: `label(idle)` is the button's text, "Copied" or "Could not copy" for
 * two seconds after a click.
 */
export function useCopy(text: string) {
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2000);
  }

  const label = (idle: string) => (copied === "copied" ? "Copied" : copied === "failed" ? "Could not copy" : idle);
  return { copy: () => void copy(), label };
}
