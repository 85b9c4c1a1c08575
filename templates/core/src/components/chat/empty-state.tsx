import { cn } from "@/lib/ui/cn";

const suggestions = [
  "Explain how HTTPS keeps a connection private",
  "Write a JavaScript function that debounces another",
  "Suggest five names for a hiking club",
  "What are the pros and cons of working remotely?",
];

interface EmptyStateProps {
  onPick(prompt: string): void;
  /** A pointer or the focus reached a suggestion: the user may be about to ask it. */
  onReach(): void;
  disabled: boolean;
}

/** What a new chat shows before its first question: a few questions to start from, asked with one click. */
export function EmptyState({ onPick, onReach, disabled }: EmptyStateProps) {
  return (
    <div className="mx-auto grid w-full max-w-3xl content-center gap-6 px-4 py-10">
      <div className="grid gap-1 text-center">
        <h2 className="text-2xl font-semibold">How can I help?</h2>
        <p className="text-muted-foreground">Ask anything, or start from one of these.</p>
      </div>
      <ul className="grid gap-2 sm:grid-cols-2">
        {suggestions.map((prompt) => (
          <li key={prompt}>
            <button
              type="button"
              className={cn(
                "h-full w-full rounded-md border px-4 py-3 text-left transition-colors hover:bg-muted",
                "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:opacity-50",
              )}
              onClick={() => onPick(prompt)}
              onPointerEnter={onReach}
              onFocus={onReach}
              disabled={disabled}
            >
              {prompt}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
