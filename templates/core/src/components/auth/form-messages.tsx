import { cn } from "@/lib/ui/cn";

/**
 * Where a form says what went wrong. The region is always there, so a screen reader announces a message the moment it
 * appears; it takes no room while empty.
 */
export function FormAlert({ message, className }: { message: string | null; className?: string }) {
  return (
    <div
      role="alert"
      className={cn(
        // Empty, it is taken out of the layout (an absolute box is no grid item) but stays in the accessibility tree.
        message ? "rounded-md border border-destructive px-3 py-2 text-sm text-destructive" : "sr-only",
        className,
      )}
    >
      {message}
    </div>
  );
}

/** A form's good news ("Your password was changed"), read out politely. */
export function FormNotice({ message }: { message: string }) {
  return (
    <p role="status" className="rounded-md border bg-muted px-3 py-2 text-sm">
      {message}
    </p>
  );
}
