import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/**
 * A chat the user has no longer (or never had), such as one deleted in another tab and then reloaded here: said
 * plainly, beside the list of the chats they do have, with a new chat one click away.
 */
export default function ChatNotFound() {
  return (
    <main id="main" className="grid min-w-0 flex-1 place-content-center gap-4 px-4 py-10 text-center">
      <h1 className="text-2xl font-semibold">This chat was deleted</h1>
      <p className="text-muted-foreground">It is no longer among your chats: perhaps it was deleted in another tab.</p>
      <Link href="/chat" className={buttonVariants({ className: "justify-self-center" })}>
        Start a new chat
      </Link>
    </main>
  );
}
