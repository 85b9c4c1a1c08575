"use client";

import { useCallback, useEffect, useState } from "react";
import { FormAlert } from "@/components/auth/form-messages";
import { useAuthAction } from "@/components/auth/use-auth-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { authClient } from "@/lib/auth/client";

interface DeviceSession {
  id: string;
  token: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  updatedAt: Date | string;
}

/** Where the account is signed in, this device first; revoking another session signs that device out. */
export function SessionsSection() {
  const toast = useToast();
  const { data: current } = authClient.useSession();
  const [sessions, setSessions] = useState<DeviceSession[] | null>(null);
  const { pending, error, run } = useAuthAction();

  const load = useCallback(async () => {
    const listed = await run(() => authClient.listSessions());
    if (listed) setSessions(listed.data ?? []);
  }, [run]);

  useEffect(() => {
    let active = true;
    authClient.listSessions().then(({ data }) => {
      if (active) setSessions(data ?? []);
    });
    return () => {
      active = false;
    };
  }, []);

  async function revoke(session: DeviceSession) {
    if (await run(() => authClient.revokeSession({ token: session.token }))) {
      toast({ title: "Session revoked", tone: "success" });
      await load();
    }
  }

  async function revokeOthers() {
    if (await run(() => authClient.revokeOtherSessions())) {
      toast({ title: "Other sessions revoked", tone: "success" });
      await load();
    }
  }

  const currentId = current?.session.id;
  const ordered = sessions && [...sessions].sort((a, b) => Number(b.id === currentId) - Number(a.id === currentId));
  const others = ordered?.filter((session) => session.id !== currentId) ?? [];

  return (
    <Card aria-labelledby="sessions-title">
      <CardHeader>
        <CardTitle id="sessions-title">Sessions</CardTitle>
        <CardDescription>The devices and browsers signed in to your account.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {ordered === null ? (
          <p className="text-sm text-muted-foreground">{error ? null : "Loading…"}</p>
        ) : (
          <ul className="divide-y rounded-md border">
            {ordered.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="grid gap-0.5">
                  <p className="text-sm font-medium">
                    {describeDevice(session.userAgent)}
                    {session.id === currentId && (
                      <span className="ms-2 rounded-full bg-muted px-2 py-0.5 text-xs font-medium">This device</span>
                    )}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {session.ipAddress ? `${session.ipAddress} · ` : ""}last active {formatTime(session.updatedAt)}
                  </p>
                </div>
                {session.id !== currentId && (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={pending}
                    onClick={() => revoke(session)}
                    aria-label={`Revoke ${describeDevice(session.userAgent)}, last active ${formatTime(session.updatedAt)}`}
                  >
                    Revoke
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
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

function formatTime(time: Date | string): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
