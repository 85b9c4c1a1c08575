import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { enabledSocialProviders } from "@/lib/auth/enabled-social-providers";
import { localPath } from "@/lib/auth/page-path";
import { param, redirectSignedIn, type SearchParams, withNext } from "../auth-page";

export const metadata: Metadata = { title: "Sign up" };

/** ?next= where to go once the account exists (the chat by default). */
export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const next = param((await searchParams).next);
  await redirectSignedIn(next);

  return (
    <AuthCard
      title="Create your account"
      description="Free to start; no card needed."
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={withNext("/sign-in", next)}
            className="font-medium text-foreground underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm next={localPath(next)} socialProviders={await enabledSocialProviders()} />
    </AuthCard>
  );
}
