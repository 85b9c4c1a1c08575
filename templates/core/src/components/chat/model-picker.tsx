"use client";

import { ChevronDownIcon } from "lucide-react";
import { lazy, Suspense, useId } from "react";
import { useOpenOnDemand } from "@/components/ui/use-open-on-demand";
import { cn } from "@/lib/ui/cn";
import { selectTriggerClasses } from "@/lib/ui/select-trigger-classes";

const loadModelSelect = () => import("./model-select");
const ModelSelect = lazy(loadModelSelect);

interface ModelPickerProps {
  models: string[];
  model: string | undefined;
  onChange(model: string): void;
}

/**
 * The model picker. The page first shows a button that looks and reads like the select (a combobox naming the
 * model); the select itself (Radix) loads when the pointer or focus comes near, and takes over, open, on the first
 * click or opening key: the chat page's first load stays within its budget (e2e/performance.spec.ts).
 */
export function ModelPicker({ models, model, onChange }: ModelPickerProps) {
  const labelId = useId();
  const listId = useId();
  const { opened, triggerProps } = useOpenOnDemand(loadModelSelect, ["ArrowDown", "ArrowUp", "Enter", " "]);
  const current = model ?? models[0]!;

  const standIn = (
    <button
      type="button"
      role="combobox"
      aria-labelledby={labelId}
      aria-controls={listId}
      aria-expanded={false}
      aria-haspopup="listbox"
      className={cn(selectTriggerClasses, "h-8 max-w-56 min-w-0")}
      {...triggerProps}
    >
      <span className="line-clamp-1">{current}</span>
      <ChevronDownIcon className="size-4 opacity-50" />
    </button>
  );

  return (
    <div className="flex min-w-0 items-center gap-2">
      <span id={labelId} className="text-sm text-muted-foreground">
        Model
      </span>
      {opened ? (
        <Suspense fallback={standIn}>
          <ModelSelect models={models} model={current} labelId={labelId} onChange={onChange} defaultOpen />
        </Suspense>
      ) : (
        standIn
      )}
    </div>
  );
}
