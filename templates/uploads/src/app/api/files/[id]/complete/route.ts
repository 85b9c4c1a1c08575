import { endpoint, methods } from "@/lib/api/endpoint";
import { completeUpload } from "@/lib/uploads/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: endpoint({}, async ({ caller, params }) => completeUpload(caller, params.id)),
});
