"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { callApi, messageOf } from "@/lib/client/api";

/** Opens the payment provider's billing portal, where the customer changes their card, plan or cancels. */
export function ManageBillingButton() {
  const toast = useToast();
  const [opening, setOpening] = useState(false);

  async function openPortal() {
    setOpening(true);
    try {
      const { url } = await callApi<{ url: string }>("/api/billing/portal", { method: "POST" });
      window.location.assign(url);
    } catch (error) {
      toast({ title: "The billing portal could not open", description: messageOf(error), tone: "error" });
      setOpening(false);
    }
  }

  return (
    <Button variant="outline" onClick={openPortal} disabled={opening}>
      {opening ? "Opening…" : "Manage billing"}
    </Button>
  );
}
