"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { messageOf } from "@/lib/client/api";
import type { ChatSummary } from "@/lib/chat/types";
import { useChatList } from "./chat-list-provider";

interface ChatDialogProps {
  /** The chat the dialog is about; null keeps it closed. */
  chat: ChatSummary | null;
  onClose(): void;
}

export function RenameChatDialog({ chat, onClose }: ChatDialogProps) {
  const { rename } = useChatList();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function close() {
    setError(null);
    onClose();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chat) return;
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    setSaving(true);
    try {
      await rename(chat.id, title);
      toast({ title: "Chat renamed", tone: "success" });
      close();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open={chat !== null} onClose={close} title="Rename chat">
      {/* Keyed by the chat so the field starts from that chat's title each time. */}
      <form key={chat?.id} onSubmit={submit} className="grid gap-4">
        <Field label="Title" name="title" defaultValue={chat?.title} required maxLength={200} error={error} />
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function DeleteChatDialog({ chat, onClose }: ChatDialogProps) {
  const { remove } = useChatList();
  const toast = useToast();
  return (
    <ConfirmDialog
      open={chat !== null}
      onClose={onClose}
      title="Delete this chat?"
      description={chat ? `“${chat.title}” and all its messages will be deleted for good.` : undefined}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        if (!chat) return;
        await remove(chat.id);
        toast({ title: "Chat deleted", tone: "success" });
      }}
    />
  );
}
