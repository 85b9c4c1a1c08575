import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names, skipping the false and empty ones, and lets a later Tailwind class win over an earlier one of
 * the same kind: `cn("px-2", active && "font-bold", className)`. shadcn/ui's components import it as `cn`.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
