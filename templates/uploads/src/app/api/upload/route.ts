import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { requestUpload } from "@/lib/uploads/service";

const uploadBody = z.object({
  filename: z.string().min(1).max(1024),
  contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, "must be a MIME type such as image/png"),
  size: z.number().int().positive(),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: endpoint({ body: uploadBody }, async ({ caller, body }) => requestUpload(caller, body)),
});
