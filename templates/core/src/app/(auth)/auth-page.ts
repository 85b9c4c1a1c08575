import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { localPath } from "@/lib/auth/page-path";
import { auth } from "@/lib/auth/server";

/** A page's query as Next.js hands it over. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One query parameter: the first, when it is repeated. */
export function param(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A visitor who is already signed in has no use for sign-in or sign-up: they go on to where they were headed. */
export async function redirectSignedIn(next: string | undefined): Promise<void> {
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) redirect(localPath(next));
}

/** A link to the neighbouring page (sign-in, sign-up) that keeps where the visitor was headed. */
export function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}
