import { endpoint, methods } from "@/lib/api/endpoint";
import { aiUsageOf } from "@/lib/usage/quota";

/**
 * The caller's AI allowance: `{ plan, period: { start, end }, tokens: { used, limit } }`. Not counted against the rate
 * limit: looking at an allowance does not spend it (as the settings page reads it).
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({ counted: false }, async ({ caller }) => {
    const { plan, period, tokens } = await aiUsageOf(caller);
    return { plan, period, tokens };
  }),
});
