"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/auth/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { useLocalTime } from "@/components/ui/use-local-time";
import { callApi, messageOf } from "@/lib/client/api";
import { authClient } from "@/lib/client/auth";
import type { DeviceSession } from "@/lib/auth/sessions";

/**
 * The account's sessions as the server listed them, this device first; revoking another signs that device out
 * (DELETE /api/sessions/[id]), then the list is read again.
 */
export function SessionList({ sessions }: { sessions: DeviceSession[] }) {
  const toast = useToast();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [acting, setActing] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const pending = acting || refreshing;
  const localTime = useLocalTime();
  const lastActive = (session: DeviceSession) => localTime(session.lastActiveAt);

  async function act(action: () => Promise<unknown>, done: string) {
    setActing(true);
    setError(null);
    try {
      await action();
      toast({ title: done, tone: "success" });
      startRefresh(() => router.refresh());
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setActing(false);
    }
  }

  const revoke = (session: DeviceSession) =>
    act(() => callApi(`/api/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" }), "Session revoked");

  const revokeOthers = () =>
    act(async () => {
      const { error: refused } = await authClient.revokeOtherSessions();
      if (refused) throw new Error(refused.message || "The other sessions could not be revoked; try again.");
    }, "Other sessions revoked");

  const others = sessions.filter((session) => !session.current);

  return (
    <Card aria-labelledby="sessions-title">
      <CardHeader>
        <CardTitle id="sessions-title">Sessions</CardTitle>
        <CardDescription>The devices and browsers signed in to your account.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ul className="divide-y rounded-md border">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="grid gap-0.5">
                <p className="text-sm font-medium">
                  {describeDevice(session.userAgent)}
                  {session.current && (
                    <span className="ms-2 rounded-full bg-muted px-2 py-0.5 text-xs font-medium">This device</span>
                  )}
                </p>
                <p className="text-xs text-muted-foreground">
                  {session.ipAddress ? `${session.ipAddress} · ` : ""}last active {lastActive(session)}
                </p>
              </div>
              {!session.current && (
                <Button
                  variant="outline"
                  size="sm"
                  disabled={pending}
                  onClick={() => revoke(session)}
                  aria-label={`Revoke ${describeDevice(session.userAgent)}, last active ${lastActive(session)}`}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
        <FormAlert message={error} />
      </CardContent>
      {others.length > 0 && (
        <CardFooter>
          <Button variant="outline" size="sm" disabled={pending} onClick={revokeOthers}>
            Revoke all other sessions
          </Button>
        </CardFooter>
      )}
    </Card>
  );
}

const browsers: [name: string, pattern: RegExp][] = [
  ["Edge", /Edg\//],
  ["Firefox", /Firefox\//],
  ["Chrome", /Chrome\/|CriOS\//],
  ["Safari", /Safari\//],
];

const systems: [name: string, pattern: RegExp][] = [
  ["iOS", /iPhone|iPad/],
  ["Android", /Android/],
  ["Windows", /Windows/],
  ["macOS", /Mac OS X/],
  ["Linux", /Linux/],
];

/** "Firefox on macOS" from a user agent string; enough to tell one's own devices apart. */
function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const browser = browsers.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? "A browser";
  const system = systems.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? "an unknown system";
  return `${browser} on ${system}`;
}
