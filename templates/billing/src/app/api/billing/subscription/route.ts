import { endpoint, methods } from "@/lib/api/endpoint";
import { describeSubscription } from "@/lib/billing/checkout";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller }) => describeSubscription(caller)),
});
