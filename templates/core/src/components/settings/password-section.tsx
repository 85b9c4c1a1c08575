"use client";

import { type FormEvent, useId } from "react";
import { FormAlert } from "@/components/auth/form-messages";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { useAuthAction } from "@/components/auth/use-auth-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { authClient } from "@/lib/client/auth";
import { changeRevokesLabel } from "@/lib/auth/new-password";

/**
 * Changing the password needs the current one; signing out everywhere else (which revokes the user's other credentials
 * too) goes with it unless the user says not to.
 */
export function PasswordSection() {
  const toast = useToast();
  const { pending, error, run } = useAuthAction();
  const revokeId = useId();

  async function change(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const changed = await run(() =>
      authClient.changePassword({
        currentPassword: String(form.get("currentPassword")),
        newPassword: String(form.get("newPassword")),
        revokeOtherSessions: form.get("revokeOtherSessions") === "on",
      }),
    );
    if (!changed) return;
    formElement.reset();
    toast({ title: "Password changed", tone: "success" });
  }

  return (
    <Card aria-labelledby="password-title">
      <CardHeader>
        <CardTitle id="password-title">Password</CardTitle>
        <CardDescription>Choose a new password for signing in with your email.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={change} className="grid gap-4">
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
          <NewPasswordField label="New password" name="newPassword" />
          <div className="flex items-center gap-2">
            <input
              id={revokeId}
              name="revokeOtherSessions"
              type="checkbox"
              defaultChecked
              className="size-4 accent-primary focus-visible:outline-2 focus-visible:outline-ring"
            />
            <label htmlFor={revokeId} className="text-sm">
              {changeRevokesLabel}
            </label>
          </div>
          <FormAlert message={error} />
          <Button type="submit" disabled={pending} className="justify-self-start">
            {pending ? "Changing…" : "Change password"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
