import { endpoint, methods } from "@/lib/api/endpoint";
import { openPortal } from "@/lib/billing/checkout";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: endpoint({}, async ({ caller }) => openPortal(caller)),
});
