import type { ItemDescriptor } from "../types.js";

export const memory: ItemDescriptor<"memory"> = {
  id: "memory",
  label: "In memory",
  hint: "one process: exact, nothing to run",
  templates: "ratelimit/memory",
  readme: [
    {
      title: "Where limits are counted",
      body:
        "In this process's memory: exact for one instance. Several instances behind a load balancer each count on\n" +
        "their own; `npx create-craftjs add ratelimit redis` makes them share one limit.",
    },
  ],
};
