import { methods, publicEndpoint } from "@/lib/api/endpoint";
import { planCatalog } from "@/lib/billing/catalog";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: publicEndpoint({}, async () => ({ plans: planCatalog() })),
});
