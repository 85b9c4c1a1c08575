import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { ApiError } from "@/lib/api/errors";
import { issueApiKey, listApiKeys } from "@/lib/auth/api-key-store";
import { presentedApiKey } from "@/lib/auth/api-keys";

const DAY_IN_SECONDS = 24 * 60 * 60;

const newKey = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^\P{Cc}*$/u, "Must not contain control characters")
    .optional(),
  expiresIn: z
    .number()
    .int()
    .min(DAY_IN_SECONDS, "At least one day: 86400 seconds")
    .max(365 * DAY_IN_SECONDS, "At most 365 days: 31536000 seconds")
    .optional(),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller }) => listApiKeys(caller.userId)),
  POST: endpoint({ body: newKey }, async ({ caller, body, request }) => {
    // A key that could mint keys would outlive its own revocation; keys come from a signed-in session.
    if (presentedApiKey(request.headers)) {
      throw new ApiError("FORBIDDEN", "API keys are created from a signed-in session, not with an API key.");
    }
    return Response.json(await issueApiKey(caller.userId, body), { status: 201 });
  }),
});
