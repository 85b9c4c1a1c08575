import { endpoint, methods } from "@/lib/api/endpoint";
import { fileDownloadUrl } from "@/lib/uploads/service";

/** The stable `fileUrl` of a file: its owner is sent on to a short-lived download URL. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller, params }) => {
    const location = await fileDownloadUrl(caller, params.id);
    return new Response(null, { status: 302, headers: { Location: location, "Cache-Control": "no-store" } });
  }),
});
