import { methods, publicEndpoint } from "@/lib/api/endpoint";
import { ApiError } from "@/lib/api/errors";
import { pingDatabase } from "@/lib/db/client";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: publicEndpoint({}, async () => {
    try {
      await pingDatabase();
    } catch (error) {
      console.error("Health check: the database did not answer:", error);
      throw new ApiError("SERVICE_UNAVAILABLE", "The database is unreachable.");
    }
    return { ok: true };
  }),
});
