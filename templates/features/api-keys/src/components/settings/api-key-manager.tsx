"use client";

import { type FormEvent, useState } from "react";
import { FormAlert } from "@/components/auth/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useLocalTime } from "@/components/ui/use-local-time";
import { callApi, messageOf } from "@/lib/client/api";

/** A key as GET /api/keys lists it: how to recognise it, never the key itself. */
export interface ApiKeySummary {
  id: string;
  name: string | null;
  start: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer of POST /api/keys: the only time the key itself is there. */
interface CreatedApiKey extends Omit<ApiKeySummary, "lastUsedAt"> {
  key: string;
}

/**
 * The user's API keys, as the server listed them: create one (shown once, to copy), see when each was last used,
 * revoke one. Each action is one request, and the list follows from its answer.
 */
export function ApiKeyManager({ initialKeys }: { initialKeys: ApiKeySummary[] }) {
  const toast = useToast();
  const [keys, setKeys] = useState(initialKeys);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);

  /** Runs one call to /api/keys; an error shows beside the form, and a success clears it. */
  async function act(action: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setPending(false);
    }
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name")).trim();
    await act(async () => {
      const key = await callApi<CreatedApiKey>("/api/keys", { method: "POST", json: { name } });
      setCreated(key);
      setKeys((listed) => [{ ...key, lastUsedAt: null }, ...listed]);
      form.reset();
    });
  }

  async function revoke(key: ApiKeySummary) {
    setRevoking(null);
    await act(async () => {
      await callApi(`/api/keys/${encodeURIComponent(key.id)}`, { method: "DELETE" });
      setKeys((listed) => listed.filter((known) => known.id !== key.id));
      toast({ title: `Revoked "${key.name ?? key.start}"`, tone: "success" });
    });
  }

  async function copy(key: string) {
    try {
      await navigator.clipboard.writeText(key);
      toast({ title: "Copied", tone: "success" });
    } catch {
      toast({ title: "Could not copy", description: "Select the key and copy it yourself.", tone: "error" });
    }
  }

  return (
    <Card aria-labelledby="api-keys-title">
      <CardHeader>
        <CardTitle id="api-keys-title">API keys</CardTitle>
        <CardDescription>
          Call the API from your own scripts with{" "}
          <code className="text-foreground">Authorization: Bearer &lt;key&gt;</code>. A key acts as you and counts
          against your plan.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <form onSubmit={create} className="flex flex-wrap items-end gap-3">
          <Field
            label="Key name"
            name="name"
            required
            maxLength={32}
            placeholder="e.g. ci"
            className="min-w-48 flex-1"
          />
          <Button type="submit" disabled={pending}>
            Create key
          </Button>
        </form>
        <FormAlert message={error} />
        <KeyList keys={keys} pending={pending} onRevoke={setRevoking} />
      </CardContent>

      <Dialog
        open={created !== null}
        onClose={() => setCreated(null)}
        title="Your new API key"
        description="Copy it now: it is stored hashed and will not be shown again."
      >
        {created && (
          <div className="grid gap-4">
            <Input
              readOnly
              value={created.key}
              aria-label={`API key ${created.name ?? ""}`}
              className="font-mono text-sm"
              onFocus={(event) => event.currentTarget.select()}
            />
            <div className="flex justify-end gap-2">
              <Button variant="outline" onClick={() => copy(created.key)}>
                Copy
              </Button>
              <Button onClick={() => setCreated(null)}>Done</Button>
            </div>
          </div>
        )}
      </Dialog>

      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke this key?"
        description={`Scripts using "${revoking?.name ?? revoking?.start ?? ""}" will get 401 from now on. This cannot be undone.`}
      >
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={() => setRevoking(null)}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={() => revoking && revoke(revoking)}>
            Revoke key
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}

function KeyList({
  keys,
  pending,
  onRevoke,
}: {
  keys: ApiKeySummary[];
  pending: boolean;
  onRevoke: (key: ApiKeySummary) => void;
}) {
  const localTime = useLocalTime();
  if (keys.length === 0) return <p className="text-sm text-muted-foreground">No keys yet.</p>;
  return (
    <ul aria-label="Your API keys" className="divide-y rounded-md border">
      {keys.map((key) => (
        <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="grid gap-0.5">
            <p className="text-sm font-medium">
              {key.name ?? "Unnamed key"} <code className="ms-1 text-xs text-muted-foreground">{key.start}…</code>
            </p>
            <p className="text-xs text-muted-foreground">
              Created {localTime(key.createdAt)} ·{" "}
              {key.lastUsedAt ? `last used ${localTime(key.lastUsedAt)}` : "never used"}
            </p>
          </div>
          <Button
            variant="outline"
            size="sm"
            disabled={pending}
            onClick={() => onRevoke(key)}
            aria-label={`Revoke ${key.name ?? key.start}`}
          >
            Revoke
          </Button>
        </li>
      ))}
    </ul>
  );
}
