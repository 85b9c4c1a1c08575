import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * Formats times in the browser's own locale and zone; in UTC while the page renders on the server and hydrates (the
 * server knows neither), so that the two renders agree.
 */
export function useLocalTime(): (time: Date | string) => string {
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  return (time) => {
    const date = new Date(time);
    if (!hydrated) return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  };
}
