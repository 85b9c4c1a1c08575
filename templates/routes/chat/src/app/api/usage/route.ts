import { endpoint, methods } from "@/lib/api/endpoint";
import { aiUsageOf } from "@/lib/usage/quota";

/** The caller's AI allowance: `{ plan, period: { start, end }, tokens: { used, limit } }`. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller }) => {
    const { plan, period, tokens } = await aiUsageOf(caller);
    return { plan, period, tokens };
  }),
});
