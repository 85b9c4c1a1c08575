import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { FormAlert } from "@/components/auth/form-messages";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { resetRevokes } from "@/lib/auth/new-password";
import { param, type SearchParams } from "../auth-page";

export const metadata: Metadata = { title: "Choose a new password" };

/**
 * The page the mailed link leads to, through Better Auth: `?token=` when the link is good, `?error=INVALID_TOKEN` when
 * it is unknown, used or expired.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const token = param(query.token);
  const usable = token && !param(query.error);

  return (
    <AuthCard
      title="Choose a new password"
      description={usable ? resetRevokes : undefined}
      footer={
        <Link href="/sign-in" className="font-medium text-foreground underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      }
    >
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="grid gap-4">
          <FormAlert message="This link is invalid or has expired. Ask for a new one." />
          <Link
            href="/forgot-password"
            className="justify-self-center text-sm font-medium underline-offset-4 hover:underline"
          >
            Send a new link
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
