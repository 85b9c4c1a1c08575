import { type InputHTMLAttributes, useId } from "react";
import { cn } from "@/lib/ui/cn";

export const inputClasses = cn(
  "h-10 w-full rounded-md border bg-card px-3 text-foreground placeholder:text-muted-foreground",
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
  "disabled:opacity-50 aria-invalid:border-destructive",
);

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(inputClasses, className)} {...props} />;
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** Shown under the input; read out with it. */
  hint?: string;
  /** Replaces the hint and marks the input invalid. */
  error?: string | null;
}

/** An input with its label, and a hint or an error tied to it for screen readers. */
export function Field({ label, hint, error, id, className, ...props }: FieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const note = error ?? hint;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      <Input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? `${inputId}-note` : undefined}
        {...props}
      />
      {note && (
        <p id={`${inputId}-note`} className={cn("text-sm", error ? "text-destructive" : "text-muted-foreground")}>
          {note}
        </p>
      )}
    </div>
  );
}
