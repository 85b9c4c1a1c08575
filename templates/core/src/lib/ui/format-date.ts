/**
 * A date as people read it: "December 30, 2026". Rendered on the server and again in the browser, so in one locale
 * and zone (the app's own English, UTC), and the two renders agree.
 */
export function formatDate(date: string | Date): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(date));
}
