"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/input";
import { authClient } from "@/lib/client/auth";
import type { SocialProvider } from "@/lib/auth/enabled-social-providers";
import { FormAlert } from "./form-messages";
import { SocialSignIn, signInWithProvider } from "./social-sign-in";
import { useAuthAction } from "./use-auth-action";

interface SignInFormProps {
  /** Where to go once signed in: a path on this site. */
  next: string;
  socialProviders: SocialProvider[];
  /** An error to show from the start, such as a failed OAuth sign-in. */
  initialError?: string;
}

export function SignInForm({ next, socialProviders, initialError }: SignInFormProps) {
  const router = useRouter();
  const { pending, error, run } = useAuthAction(initialError);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    if (await run(() => authClient.signIn.email({ email, password }))) router.replace(next);
  }

  return (
    <div className="grid gap-4">
      <SocialSignIn
        providers={socialProviders}
        pending={pending}
        onSelect={(provider) => run(() => signInWithProvider(provider, next))}
      />
      <form onSubmit={signIn} className="grid gap-4">
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <div className="grid gap-1.5">
          <Field label="Password" name="password" type="password" autoComplete="current-password" required />
          <Link href="/forgot-password" className="justify-self-end text-sm underline-offset-4 hover:underline">
            Forgot password?
          </Link>
        </div>
        <FormAlert message={error} />
        <Button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </div>
  );
}
