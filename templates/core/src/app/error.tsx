"use client";

import { Button } from "@/components/ui/button";

/** What a page shows when rendering it failed on the server (the details are in the server's log, not here). */
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto grid min-h-dvh max-w-md place-content-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted-foreground">This page could not be shown just now. Please try again in a moment.</p>
      <Button className="justify-self-center" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
