import { requireSession } from "@/lib/auth/page-session";
import { listDeviceSessions } from "@/lib/auth/sessions";
import { SessionList } from "./session-list";

/**
 * Where the account is signed in, read on the server: each session by its id, this device first. A session's token
 * never reaches the page; revoking one names it by id.
 */
export async function SessionsSection() {
  const { user, session } = await requireSession();
  return <SessionList sessions={await listDeviceSessions(user.id, session.id)} />;
}
