import type { ItemDescriptor } from "../types.js";

export const redis: ItemDescriptor<"redis"> = {
  id: "redis",
  label: "Redis",
  hint: "many app instances share one limit",
  templates: "ratelimit/redis",
  dependencies: ["ioredis"],
  readme: [
    {
      title: "Where limits are counted",
      body:
        "In Redis (`REDIS_URL`), one atomic script per request, so every instance of the app shares one limit. If Redis\n" +
        "is unreachable the app lets requests through uncounted with an `X-RateLimit-Warning` header and a logged\n" +
        "warning; set `RATE_LIMIT_WHEN_STORE_DOWN=closed` to answer 503 instead.",
    },
  ],
  nextSteps: ["Start Redis at REDIS_URL in .env (redis://127.0.0.1:6379 by default)"],
  ciServices: [{ name: "redis", image: "redis:7.4.5", port: 6379, healthCommand: "redis-cli ping" }],
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
