"use client";

import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/client/auth";
import type { SocialProvider } from "@/lib/auth/enabled-social-providers";

interface SocialSignInProps {
  /** The providers whose keys are set, worked out on the server. */
  providers: SocialProvider[];
  pending: boolean;
  onSelect: (provider: string) => void;
}

/** A "Continue with …" button per OAuth provider the app offers, above the email form; nothing when it offers none. */
export function SocialSignIn({ providers, pending, onSelect }: SocialSignInProps) {
  if (providers.length === 0) return null;
  return (
    <div className="grid gap-4">
      <div className="grid gap-2">
        {providers.map((provider) => (
          <Button key={provider.id} variant="outline" disabled={pending} onClick={() => onSelect(provider.id)}>
            Continue with {provider.name}
          </Button>
        ))}
      </div>
      <p className="flex items-center gap-3 text-xs text-muted-foreground uppercase before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
        or
      </p>
    </div>
  );
}

/**
 * Leaves for the provider's consent page; back here, the user lands on `next`, or on sign-in with `?error=` when the
 * provider or Better Auth refused.
 */
export function signInWithProvider(provider: string, next: string) {
  return authClient.signIn.social({
    provider,
    callbackURL: next,
    errorCallbackURL: `/sign-in?next=${encodeURIComponent(next)}`,
  });
}
