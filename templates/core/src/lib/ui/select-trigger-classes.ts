import { cn } from "@/lib/ui/cn";

/**
 * How a select's button looks, shared by the Radix select (src/components/ui/select.tsx) and a button that stands in
 * for one until it loads (the chat's model picker), in a module of its own so the stand-in does not load Radix.
 */
export const selectTriggerClasses = cn(
  "flex w-fit items-center justify-between gap-2 rounded-md border border-input bg-transparent px-3 py-2 text-sm whitespace-nowrap shadow-xs transition-[color,box-shadow] outline-none",
  "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50",
  "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
);
