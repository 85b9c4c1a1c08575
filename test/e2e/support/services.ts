import { reachable } from "../../../scripts/lib/local-app.js";

/** The local services some combinations need, where CI and a developer's machine run them. */
export const SERVICES = {
  postgres: { host: "127.0.0.1", port: 5432 },
  redis: { host: "127.0.0.1", port: 6379 },
} as const;

export type Service = keyof typeof SERVICES;

/**
 * Which of the services are missing. In CI a missing service is an error (the run must not pass by skipping);
 * elsewhere the caller skips what needs it, and this says so loudly.
 */
export async function missingServices(services: readonly Service[], needer: string): Promise<Service[]> {
  const missing: Service[] = [];
  for (const service of services) {
    if (!(await reachable(SERVICES[service]))) missing.push(service);
  }
  if (missing.length === 0) return missing;
  const where = missing.map((service) => `${service} (${SERVICES[service].host}:${SERVICES[service].port})`).join(", ");
  if (process.env.CI) throw new Error(`CI needs ${where} for ${needer}, and it is not reachable.`);
  console.warn(`\n*** SKIPPED ${needer}: ${where} not reachable. Start it to run these tests. ***\n`);
  return missing;
}
