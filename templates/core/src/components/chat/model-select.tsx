"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export interface ModelSelectProps {
  models: string[];
  model: string;
  labelId: string;
  onChange(model: string): void;
  /** Opened as it mounts: the click or key that asked for it happened before it was loaded. */
  defaultOpen?: boolean;
}

/** Radix's select (WAI-ARIA's select-only combobox): arrows, Home, End, typeahead, Enter or Space to pick, Escape. */
export default function ModelSelect({ models, model, labelId, onChange, defaultOpen }: ModelSelectProps) {
  return (
    <Select value={model} onValueChange={onChange} defaultOpen={defaultOpen}>
      <SelectTrigger size="sm" aria-labelledby={labelId} className="max-w-56 min-w-0">
        <SelectValue />
      </SelectTrigger>
      <SelectContent side="top" aria-labelledby={labelId}>
        {models.map((option) => (
          <SelectItem key={option} value={option}>
            {option}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
