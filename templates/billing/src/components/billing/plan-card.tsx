import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";
import { formatPrice } from "./format";
import type { BillingInterval, Plan } from "./types";

interface PlanCardProps {
  plan: Plan;
  interval: BillingInterval;
  /** The plan's name is a heading under the page's own: h2 on a page of plans, h3 inside a section. */
  headingLevel: "h2" | "h3";
  /** The button or link at the bottom: what the visitor can do about this plan. */
  action: ReactNode;
  /** Marks the caller's own plan. */
  current?: boolean;
}

/** One plan: its name, its price for the interval shown, what it includes, and an action. */
export function PlanCard({ plan, interval, headingLevel: Heading, action, current = false }: PlanCardProps) {
  return (
    <li
      aria-current={current ? "true" : undefined}
      className={cn(
        "flex flex-col rounded-lg border bg-card p-5 shadow-sm",
        current && "border-primary ring-1 ring-primary",
      )}
    >
      <div className="flex items-center justify-between gap-2">
        <Heading className="text-lg font-semibold">{plan.name}</Heading>
        {current && (
          <span className="rounded-full bg-muted px-2.5 py-0.5 text-xs font-medium text-foreground">Current plan</span>
        )}
      </div>
      <p className="mt-3 flex items-baseline gap-1">
        <span className="text-3xl font-bold tracking-tight">{formatPrice(plan, interval)}</span>
        <span className="text-sm text-muted-foreground">/ {interval}</span>
      </p>
      <ul className="mt-4 grid flex-1 content-start gap-2 text-sm" aria-label={`${plan.name} includes`}>
        {plan.features.map((feature) => (
          <li key={feature} className="flex gap-2">
            <span aria-hidden="true" className="text-success">
              ✓
            </span>
            {feature}
          </li>
        ))}
      </ul>
      <div className="mt-5 grid">{action}</div>
    </li>
  );
}

/** Plans side by side (stacked on a phone), each a PlanCard. */
export function PlanGrid({ children }: { children: ReactNode }) {
  return <ul className="grid gap-4 md:grid-cols-3">{children}</ul>;
}
