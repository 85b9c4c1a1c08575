"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/client/auth";
import { FormAlert } from "./form-messages";
import { NewPasswordField } from "./new-password-field";
import { useAuthAction } from "./use-auth-action";

/**
 * Sets the new password with the mailed token; every session of the account ends with it (and every other credential,
 * as the page says), so sign-in comes next.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { pending, error, run } = useAuthAction();

  async function reset(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get("newPassword"));
    if (await run(() => authClient.resetPassword({ newPassword, token }))) router.replace("/sign-in?reset=done");
  }

  return (
    <form onSubmit={reset} className="grid gap-4">
      <NewPasswordField label="New password" name="newPassword" />
      <FormAlert message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
