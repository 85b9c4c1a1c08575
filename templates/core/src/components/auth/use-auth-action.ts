"use client";

import { useCallback, useState } from "react";
import { messageOf } from "@/lib/client/api";

/** How Better Auth's client reports a refused call: `message` is its own, meant for the user. */
interface AuthFailure {
  message?: string;
  status: number;
  statusText: string;
}

/**
 * Runs a Better Auth client call for a form: `pending` while it runs, and when it fails, `error` holds Better Auth's
 * own message (`initialError` until the first call). `run` resolves to `{ data }` of the call, or null when it failed.
 */
export function useAuthAction(initialError: string | null = null) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState(initialError);

  const run = useCallback(async <Data>(action: () => Promise<{ data: Data; error: AuthFailure | null }>) => {
    setPending(true);
    setError(null);
    try {
      const result = await action();
      if (result.error) {
        setError(
          result.error.message || `The server answered ${result.error.status} ${result.error.statusText}; try again.`,
        );
        return null;
      }
      return { data: result.data };
    } catch (caught) {
      setError(messageOf(caught));
      return null;
    } finally {
      setPending(false);
    }
  }, []);

  return { pending, error, run };
}
