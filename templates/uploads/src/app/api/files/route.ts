import { endpoint, methods } from "@/lib/api/endpoint";
import { listFiles } from "@/lib/uploads/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller }) => Response.json(await listFiles(caller))),
});
