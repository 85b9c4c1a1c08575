"use client";

import type { FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-messages";
import { useAuthAction } from "@/components/auth/use-auth-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { authClient } from "@/lib/client/auth";

/** The account's name, which the user may change, and its email address, which identifies it and stays. */
export function ProfileSection() {
  const { data: session } = authClient.useSession();
  const user = session?.user;

  return (
    <Card aria-labelledby="profile-title">
      <CardHeader>
        <CardTitle id="profile-title">Profile</CardTitle>
        <CardDescription>How the app addresses you.</CardDescription>
      </CardHeader>
      <CardContent>
        {/* Keyed by the user, so the fields start from their saved values once the session has loaded. */}
        {user ? (
          <ProfileForm key={user.id} name={user.name} email={user.email} />
        ) : (
          <p className="text-sm text-muted-foreground">Loading…</p>
        )}
      </CardContent>
    </Card>
  );
}

function ProfileForm({ name, email }: { name: string; email: string }) {
  const toast = useToast();
  const { pending, error, run } = useAuthAction();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newName = String(new FormData(event.currentTarget).get("name")).trim();
    if (await run(() => authClient.updateUser({ name: newName }))) toast({ title: "Profile saved", tone: "success" });
  }

  return (
    <form onSubmit={save} className="grid gap-4">
      <Field label="Name" name="name" autoComplete="name" defaultValue={name} required maxLength={100} />
      <dl className="grid gap-1">
        <dt className="text-sm font-medium">Email</dt>
        <dd>{email}</dd>
        <dd className="text-sm text-muted-foreground">
          Your email address is how you sign in; it cannot be changed here.
        </dd>
      </dl>
      <FormAlert message={error} />
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
