"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/input";
import { authClient } from "@/lib/client/auth";
import type { SocialProvider } from "@/lib/auth/enabled-social-providers";
import { FormAlert, FormNotice } from "./form-messages";
import { NewPasswordField } from "./new-password-field";
import { SocialSignIn, signInWithProvider } from "./social-sign-in";
import { useAuthAction } from "./use-auth-action";

export function SignUpForm({ next, socialProviders }: { next: string; socialProviders: SocialProvider[] }) {
  const router = useRouter();
  const { pending, error, run } = useAuthAction();
  const [awaitingVerification, setAwaitingVerification] = useState<string | null>(null);

  async function signUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name"));
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    // Where an address must be verified first, the mail's link signs the account in and leads on to `next`.
    const result = await run(() => authClient.signUp.email({ name, email, password, callbackURL: next }));
    if (!result) return;
    // No session token: the app requires a verified address (src/config/auth.ts), so the mail's link signs them in.
    if (result.data?.token) router.replace(next);
    else setAwaitingVerification(email);
  }

  if (awaitingVerification) {
    return (
      <FormNotice message={`We sent a link to ${awaitingVerification}. Open it to verify your address and sign in.`} />
    );
  }

  return (
    <div className="grid gap-4">
      <SocialSignIn
        providers={socialProviders}
        pending={pending}
        onSelect={(provider) => run(() => signInWithProvider(provider, next))}
      />
      <form onSubmit={signUp} className="grid gap-4">
        <Field label="Name" name="name" autoComplete="name" required />
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <NewPasswordField label="Password" name="password" />
        <FormAlert message={error} />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating account…" : "Create account"}
        </Button>
      </form>
    </div>
  );
}
