import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { RouteHandler } from "@/lib/api/endpoint";
import { auth } from "@/lib/auth/server";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";

export interface TestUser {
  id: string;
  email: string;
  /** The Cookie header a browser would send after signing up. */
  cookie: string;
}

/**
 * Signs a new user up through Better Auth's own handler, as the browser would, and leaves them signed in: where
 * addresses must be verified first (src/config/auth.ts), the address is marked verified, as its mailed link would,
 * and the user signs in.
 */
export async function signUp(): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.com`;
  const response = await auth.handler(
    new Request(new URL("/api/auth/sign-up/email", env.APP_URL), {
      method: "POST",
      headers: { "content-type": "application/json", origin: env.APP_URL },
      body: JSON.stringify({ email, password: "a long enough password", name: "Test User" }),
    }),
  );
  if (!response.ok) throw new Error(`Sign-up failed: ${response.status} ${await response.text()}`);
  const { user, token } = (await response.json()) as { user: { id: string }; token: string | null };
  if (token) return { id: user.id, email, cookie: cookieOf(response) };
  await db.update(users).set({ emailVerified: true }).where(eq(users.id, user.id));
  const signedUp = { id: user.id, email, cookie: "" };
  return { ...signedUp, cookie: await signIn(signedUp) };
}

/** Signs the user in once more, as another device would: the Cookie header of that new session. */
export async function signIn(user: TestUser): Promise<string> {
  const response = await auth.handler(
    new Request(new URL("/api/auth/sign-in/email", env.APP_URL), {
      method: "POST",
      headers: { "content-type": "application/json", origin: env.APP_URL },
      body: JSON.stringify({ email: user.email, password: "a long enough password" }),
    }),
  );
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return cookieOf(response);
}

/** The Cookie header a browser sends after this response set its cookies. */
function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";", 1)[0])
    .join("; ");
}

interface CallOptions {
  method?: string;
  path?: string;
  as?: TestUser;
  body?: string | object;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

/** Calls a route handler the way Next.js does, with the user's cookie and a JSON body when given. */
export function call(handler: RouteHandler, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.as) headers.set("cookie", options.as.cookie);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const request = new Request(new URL(options.path ?? "/", env.APP_URL), {
    method: options.method ?? "GET",
    headers,
    body,
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}
