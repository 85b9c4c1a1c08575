import type { ProviderDescriptor } from "../types.js";

export const redis: ProviderDescriptor = {
  id: "redis",
  label: "Redis",
  hint: "many app instances share one limit",
  templates: "ratelimit/redis",
  dependencies: ["ioredis"],
  env: [
    {
      name: "REDIS_URL",
      comment: "The Redis server the rate limits are counted in.",
      schema: "z.url()",
      example: "redis://127.0.0.1:6379",
      value: () => "redis://127.0.0.1:6379",
    },
    {
      name: "RATE_LIMIT_WHEN_STORE_DOWN",
      comment:
        "When Redis is unreachable: `open` lets requests through uncounted (with an X-RateLimit-Warning header and a logged warning), `closed` answers 503.",
      schema: 'z.enum(["open", "closed"]).default("open")',
      example: "open",
    },
  ],
};
