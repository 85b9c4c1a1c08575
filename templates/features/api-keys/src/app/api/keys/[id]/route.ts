import { endpoint, methods } from "@/lib/api/endpoint";
import { notFound } from "@/lib/api/errors";
import { revokeApiKey } from "@/lib/auth/api-key-store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  DELETE: endpoint({}, async ({ caller, params }) => {
    if (!(await revokeApiKey(caller.userId, params.id))) throw notFound("API key");
    return { success: true };
  }),
});
