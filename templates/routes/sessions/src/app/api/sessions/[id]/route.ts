import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { notFound } from "@/lib/api/errors";
import { parseInput, storedText } from "@/lib/api/validation";
import { revokeDeviceSession } from "@/lib/auth/sessions";

const sessionPath = z.object({ id: storedText().min(1).max(128) });

/** Ends one of the caller's sessions by its id, which signs that device out; another user's session is a 404. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  DELETE: endpoint({}, async ({ caller, params }) => {
    const { id } = parseInput(sessionPath, params, "path");
    if (!(await revokeDeviceSession(caller.userId, id))) throw notFound("session");
    return { success: true };
  }),
});
