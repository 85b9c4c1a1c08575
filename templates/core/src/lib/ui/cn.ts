/** Joins class names, skipping the false and empty ones: `cn("p-2", active && "font-bold")`. */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
