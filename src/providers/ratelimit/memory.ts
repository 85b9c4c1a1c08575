import type { ProviderDescriptor } from "../types.js";

export const memory: ProviderDescriptor = {
  id: "memory",
  label: "In memory",
  hint: "one process: exact, nothing to run",
  templates: "ratelimit/memory",
};
