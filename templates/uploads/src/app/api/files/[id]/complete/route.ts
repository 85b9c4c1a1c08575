import { endpoint, methods } from "@/lib/api/endpoint";
import { completeUpload } from "@/lib/uploads/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  // Not counted against the rate limit: it ends the upload its POST /api/upload paid for, so an upload is one request.
  POST: endpoint({ counted: false }, async ({ caller, params }) => completeUpload(caller, params.id)),
});
