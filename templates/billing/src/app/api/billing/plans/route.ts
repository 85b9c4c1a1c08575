import { type PlanId, PRICE_CURRENCY, plans } from "@/config/plans";
import { methods, publicEndpoint } from "@/lib/api/endpoint";

/** The plans as the pricing page shows them: monthly price, the yearly one, features and limits. */
const catalog = (Object.keys(plans) as PlanId[]).map((id) => {
  const plan = plans[id];
  return {
    id,
    name: plan.name,
    price: plan.price.month,
    interval: "month",
    yearlyPrice: plan.price.year,
    currency: PRICE_CURRENCY,
    features: plan.features,
    limits: { requestsPerMinute: plan.requestsPerMinute },
  };
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: publicEndpoint({}, async () => ({ plans: catalog })),
});
