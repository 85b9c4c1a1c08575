"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { cn } from "@/lib/ui/cn";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  children: ReactNode;
  className?: string;
}

/**
 * A modal on the browser's own `<dialog>`: it traps focus, closes on Escape and returns focus to what opened it,
 * with no library. `open` drives it; Escape, the backdrop and `onClose` close it.
 */
export function Dialog({ open, onClose, title, description, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onClick={(event) => event.target === ref.current && onClose()}
      className={cn(
        "m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg border bg-card p-0 text-foreground shadow-lg",
        "backdrop:bg-black/50",
        className,
      )}
    >
      <div className="grid gap-4 p-5">
        <div className="grid gap-1">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description && (
            <p id={descriptionId} className="text-sm text-muted-foreground">
              {description}
            </p>
          )}
        </div>
        {children}
      </div>
    </dialog>
  );
}
