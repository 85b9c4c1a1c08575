import { endpoint, methods } from "@/lib/api/endpoint";
import { listDeviceSessions } from "@/lib/auth/sessions";

/** The caller's sessions, by id: where and when each was used, the current one marked; never a session's token. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller }) => listDeviceSessions(caller.userId, caller.sessionId)),
});
