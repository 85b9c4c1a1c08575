"use client";

import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/ui/cn";

interface ModelPickerProps {
  models: string[];
  model: string | undefined;
  onChange(model: string): void;
}

/**
 * The model picker: a button that opens a list of the models (WAI-ARIA's select-only combobox). Arrow keys, Home and
 * End move through the list, Enter or Space picks, Escape or a click elsewhere closes, a letter jumps to the next
 * model starting with it; focus stays on the button, which names the model picked.
 */
export function ModelPicker({ models, model, onChange }: ModelPickerProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(() => Math.max(0, models.indexOf(model ?? "")));
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  function openAt(index: number) {
    setActive(index);
    setOpen(true);
  }

  function pick(index: number) {
    const chosen = models[index];
    if (chosen !== undefined) onChange(chosen);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const current = models.indexOf(model ?? "");
    const last = models.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: open ? Math.min(active + 1, last) : Math.max(current, 0),
      ArrowUp: open ? Math.max(active - 1, 0) : Math.max(current, 0),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      openAt(moves[event.key]!);
    } else if (open && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      pick(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const from = open ? active : current;
      const next = [...models.keys()]
        .map((offset) => (from + 1 + offset) % models.length)
        .find((index) => models[index]!.toLowerCase().startsWith(event.key.toLowerCase()));
      if (next !== undefined) openAt(next);
    }
  }

  return (
    <div ref={root} className="relative flex items-center gap-2">
      <span id={`${id}-label`} className="text-sm text-muted-foreground">
        Model
      </span>
      <button
        type="button"
        role="combobox"
        aria-labelledby={`${id}-label`}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open ? `${id}-option-${active}` : undefined}
        onClick={() => (open ? setOpen(false) : openAt(Math.max(0, models.indexOf(model ?? ""))))}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (!root.current?.contains(event.relatedTarget as Node)) setOpen(false);
        }}
        className="flex h-8 max-w-56 items-center gap-1 rounded-md border bg-card px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
      >
        <span className="truncate">{model ?? models[0]}</span>
        <span aria-hidden="true" className="text-muted-foreground">
          ▾
        </span>
      </button>
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-labelledby={`${id}-label`}
        hidden={!open}
        className="absolute bottom-full left-0 z-10 mb-1 max-h-60 min-w-full overflow-y-auto rounded-md border bg-card p-1 text-sm shadow-md"
      >
        {models.map((option, index) => (
          <li
            key={option}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={option === model}
            // The button keeps focus; a click on an option must not take it.
            onPointerDown={(event) => event.preventDefault()}
            onClick={() => pick(index)}
            onPointerMove={() => setActive(index)}
            className={cn(
              "cursor-default rounded px-2 py-1 whitespace-nowrap",
              index === active && "bg-muted",
              option === model && "font-semibold",
            )}
          >
            {option}
          </li>
        ))}
      </ul>
    </div>
  );
}
