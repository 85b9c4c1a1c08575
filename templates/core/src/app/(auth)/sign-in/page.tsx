import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { FormNotice } from "@/components/auth/form-messages";
import { SignInForm } from "@/components/auth/sign-in-form";
import { enabledSocialProviders } from "@/lib/auth/enabled-social-providers";
import { localPath } from "@/lib/auth/page-path";
import { param, redirectSignedIn, type SearchParams, withNext } from "../auth-page";

export const metadata: Metadata = { title: "Sign in" };

/** ?next= where to go afterwards; ?reset=done after a password reset; ?error= when an OAuth sign-in failed. */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const next = param(query.next);
  await redirectSignedIn(next);
  const oauthError = param(query.error);

  return (
    <AuthCard
      title="Sign in"
      description="Welcome back."
      footer={
        <>
          No account yet?{" "}
          <Link
            href={withNext("/sign-up", next)}
            className="font-medium text-foreground underline-offset-4 hover:underline"
          >
            Sign up
          </Link>
        </>
      }
    >
      {param(query.reset) === "done" && <FormNotice message="Your password was changed. Sign in with the new one." />}
      <SignInForm
        next={localPath(next)}
        socialProviders={await enabledSocialProviders()}
        initialError={
          oauthError && `Signing in with that account did not work (${oauthError.replaceAll("_", " ")}). Try again.`
        }
      />
    </AuthCard>
  );
}
