"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/input";
import { authClient } from "@/lib/client/auth";
import { FormAlert, FormNotice } from "./form-messages";
import { useAuthAction } from "./use-auth-action";

export function ForgotPasswordForm() {
  const { pending, error, run } = useAuthAction();
  const [sent, setSent] = useState(false);

  async function requestLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email"));
    if (await run(() => authClient.requestPasswordReset({ email, redirectTo: "/reset-password" }))) setSent(true);
  }

  // The same words whether or not the address has an account, so the page cannot be used to find out.
  if (sent)
    return <FormNotice message="If an account exists, we sent a link to choose a new password. Check your email." />;

  return (
    <form onSubmit={requestLink} className="grid gap-4">
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <FormAlert message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
