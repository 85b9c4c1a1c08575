/** A stretch of time an AI allowance is counted over: from `start` (included) to `end` (excluded). */
export interface AllowancePeriod {
  start: Date;
  end: Date;
}

/**
 * The month-long period `now` falls in. Without an anchor, the calendar month in UTC (a free user's). With one (the
 * end of a paying user's billing period), the month-long periods that end on it: the allowance renews on their
 * billing day, every month, also on a yearly plan.
 */
export function allowancePeriod(now: Date, anchor?: Date): AllowancePeriod {
  if (!anchor) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    return { start, end: addMonths(start, 1) };
  }
  // Whole months between the anchor and now, counted from the anchor, so the period's start and end keep its day.
  let months = (now.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + now.getUTCMonth() - anchor.getUTCMonth();
  while (addMonths(anchor, months) <= now) months++;
  while (addMonths(anchor, months - 1) > now) months--;
  return { start: addMonths(anchor, months - 1), end: addMonths(anchor, months) };
}

/**
 * `date` moved by whole months in UTC; a day the target month lacks becomes its last day (Jan 31 + 1 month is Feb 28
 * or 29), as billing providers do.
 */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return target;
}
