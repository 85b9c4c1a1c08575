import { endpoint, methods } from "@/lib/api/endpoint";
import { fileWithDownload, removeFile } from "@/lib/uploads/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller, params }) => fileWithDownload(caller, params.id)),
  DELETE: endpoint({}, async ({ caller, params }) => removeFile(caller, params.id)),
});
