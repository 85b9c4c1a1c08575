import { planById, planIdOf } from "@/config/plans";
import { endpoint, methods } from "@/lib/api/endpoint";

/**
 * The caller and their plan. Like every protected route it counts against the rate limit, so its X-RateLimit-*
 * headers tell a page how much of this minute's allowance is used.
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({}, async ({ caller }) => {
    const { name, requestsPerMinute } = planById(caller.plan);
    return { id: caller.userId, email: caller.email, plan: { id: planIdOf(caller.plan), name, requestsPerMinute } };
  }),
});
