"use client";

import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth/client";

/** Sign up, sign in and sign out with email and password. */
export function AccountPanel() {
  const { data: session, isPending } = authClient.useSession();
  const [error, setError] = useState<string | null>(null);

  if (isPending) return <p>Loading…</p>;
  if (session) {
    return (
      <p>
        Signed in as {session.user.email}.{" "}
        <button type="button" onClick={() => authClient.signOut()}>
          Sign out
        </button>
      </p>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    const signingUp = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "sign-up";
    const result = signingUp
      ? await authClient.signUp.email({ email, password, name: email.split("@")[0] ?? email })
      : await authClient.signIn.email({ email, password });
    setError(result.error?.message ?? null);
  }

  return (
    <form onSubmit={submit}>
      <input name="email" type="email" placeholder="you@example.com" required autoComplete="email" />
      <input name="password" type="password" placeholder="Password (8+ characters)" minLength={8} required />
      <button type="submit" value="sign-in">
        Sign in
      </button>
      <button type="submit" value="sign-up">
        Create an account
      </button>
      {error && <p className="error">{error}</p>}
    </form>
  );
}
