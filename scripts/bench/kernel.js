// Section 3: what the API kernel costs under load: GET /api/chats against a bare route on the same started app.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import { formatNumber, formatSeconds, median, table } from "./stats.js";
import { run, startApp } from "../lib/local-app.js";

const RAISED_LIMIT = 1_000_000_000;
const KERNEL_ROUTE = "/api/chats";
/** A bare route through the API's own per-request path: the front door (CORS, forgery check) that methods() adds. */
const BARE_ROUTE = "/api/bench-bare";
/** A bare route Next.js serves with none of the app's code: Next alone, the anchor. */
const UNPROXIED_ROUTE = "/api/bench-alone";
const ROUTE_SOURCES = {
  [BARE_ROUTE]: 'import { methods } from "@/lib/api/endpoint";\n\nexport const { GET } = methods({ GET: async () => Response.json([]) });\n',
  [UNPROXIED_ROUTE]: "export const GET = () => Response.json([]);\n",
};
/** Per-request CPU: rounds of sequential keep-alive requests, the three routes interleaved within each round. */
const CPU_ROUNDS = 7;
const CPU_REQUESTS = 1000;

/** Turns a throwaway app into the bench's: limits no load reaches, a bare route beside the kernel's, built. */
export async function prepareKernelApp(appDir) {
  await raisePlanLimits(appDir);
  console.log(`  note: every plan's limit raised to ${formatNumber(RAISED_LIMIT)}/min in the throwaway app's src/config/plans.ts, so the load measures the kernel's normal path, not 429s`);
  for (const [route, source] of Object.entries(ROUTE_SOURCES)) {
    const file = path.join(appDir, "src", "app", ...route.split("/").slice(1), "route.ts");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, source);
  }

  const started = performance.now();
  const output = await run("npm", ["run", "build"], { cwd: appDir });
  // A prerendered (static) bare route would be served from cache and flatter the baseline.
  for (const route of Object.keys(ROUTE_SOURCES)) {
    if (!new RegExp(`ƒ ${route}\\b`).test(output)) throw new Error(`next build did not make ${route} dynamic:\n${output}`);
  }
  console.log(`  next build in ${formatSeconds(performance.now() - started)}`);
}

async function raisePlanLimits(appDir) {
  const file = path.join(appDir, "src", "config", "plans.ts");
  const source = await readFile(file, "utf8");
  let raised = 0;
  const updated = source.replace(/requestsPerMinute:\s*[\d_]+/g, () => {
    raised++;
    return `requestsPerMinute: ${RAISED_LIMIT}`;
  });
  if (raised === 0) throw new Error(`${file} has no \`requestsPerMinute: <number>\` to raise; update scripts/bench/kernel.js`);
  await writeFile(file, updated);
}

/** Starts the built app, signs a user up, and loads each route in turn with that user's cookie. */
export async function benchKernel(appDir, { duration, connections, cleanup }) {
  const app = await startApp(appDir);
  cleanup.add(app.stop);
  try {
    const cookie = await signUp(app.url);
    const routes = [
      { path: BARE_ROUTE, label: `GET ${BARE_ROUTE}`, what: "Response.json([]), no kernel" },
      { path: KERNEL_ROUTE, label: `GET ${KERNEL_ROUTE}`, what: "session cookie + rate limit + DB query" },
    ];
    for (const route of routes) await expectEmptyList(app.url, route.path, cookie);

    const warmup = Math.min(3, duration);
    console.log(`  autocannon: ${connections} connections, ${duration} s per route after ${warmup} s of warm-up, same cookie on both, one at a time`);
    for (const route of routes) await load(app.url, route.path, cookie, { connections, duration: warmup });
    for (const route of routes) route.result = await load(app.url, route.path, cookie, { connections, duration });
    printKernel(routes);
    await benchCpuPerRequest(app, cookie);
  } catch (error) {
    error.message += `\n--- next start output ---\n${app.output().trimEnd().split("\n").slice(-40).join("\n")}`;
    throw error;
  } finally {
    await app.stop();
  }
}

/** Signs a new user up as a browser on the app's page would; returns the session cookie. */
async function signUp(url) {
  const response = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: "a long enough password", name: "Bench" }),
  });
  if (!response.ok) throw new Error(`Sign-up failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";", 1)[0])
    .join("; ");
  if (!cookie) throw new Error("Sign-up set no cookie");
  return cookie;
}

/** Both routes must answer 200 `[]` before the load; the kernel's must also carry the raised limit. */
async function expectEmptyList(url, route, cookie) {
  const response = await fetch(`${url}${route}`, { headers: { cookie } });
  const body = await response.text();
  if (response.status !== 200 || body !== "[]") throw new Error(`GET ${route} answered ${response.status} ${body}, not 200 []`);
  const limit = response.headers.get("x-ratelimit-limit");
  if (route === KERNEL_ROUTE && limit !== String(RAISED_LIMIT)) {
    throw new Error(`GET ${route} carries X-RateLimit-Limit ${limit}, not the raised ${RAISED_LIMIT}`);
  }
}

/** One autocannon run; throws unless every response was a 2xx, so the numbers only ever count the normal path. */
async function load(url, route, cookie, { connections, duration }) {
  const result = await autocannon({ url: `${url}${route}`, connections, duration, headers: { cookie } });
  const failures = { non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts };
  if (Object.values(failures).some((count) => count > 0) || result["2xx"] === 0) {
    const codes = JSON.stringify(result.statusCodeStats);
    throw new Error(`GET ${route} under load: ${JSON.stringify(failures)}, status codes ${codes}: numbers would be dishonest`);
  }
  return result;
}

function printKernel(routes) {
  const ms = (value) => `${formatNumber(value)} ms`;
  const rows = [["route", "", "req/s", "p50", "p99", "2xx total"]];
  for (const { label, what, result } of routes) {
    rows.push([label, `(${what})`, formatNumber(result.requests.average), ms(result.latency.p50), ms(result.latency.p99), formatNumber(result["2xx"])]);
  }
  console.log(table(rows, { left: 2 }));
  const [bare, kernel] = routes.map((route) => route.result.requests.average);
  console.log(`  kernel / bare throughput: ${(kernel / bare).toFixed(2)}× (the bare route serves ${(bare / kernel).toFixed(1)}× as many requests/s)`);
}

/**
 * The server's CPU per request (its whole process group, from /proc), sequential keep-alive requests with the same
 * cookie: Next alone (a bare route with none of the app's code), a bare route through the API's front door (what
 * methods() puts around every route: CORS, the forgery check), and the kernel's route (session, rate limit, one
 * query). Rounds interleave the three, so a busy moment costs each alike.
 */
async function benchCpuPerRequest(app, cookie) {
  const routes = [
    { path: UNPROXIED_ROUTE, label: "bare route, Next alone (and the server's request hook)", samples: [] },
    { path: BARE_ROUTE, label: "bare route through the API's front door", samples: [] },
    { path: KERNEL_ROUTE, label: "GET /api/chats (the kernel)", samples: [] },
  ];
  for (const route of routes) await expectEmptyList(app.url, route.path, cookie);
  for (let round = 0; round < CPU_ROUNDS; round++) {
    for (const route of routes) {
      const before = app.cpuMs();
      for (let i = 0; i < CPU_REQUESTS; i++) {
        const response = await fetch(`${app.url}${route.path}`, { headers: { cookie } });
        if (response.status !== 200) throw new Error(`GET ${route.path} answered ${response.status} under the CPU bench`);
        await response.arrayBuffer();
      }
      route.samples.push((app.cpuMs() - before) / CPU_REQUESTS);
    }
  }
  const ms = (value) => `${value.toFixed(2)} ms`;
  console.log(`\n  Server CPU per request: ${CPU_ROUNDS} rounds of ${CPU_REQUESTS} sequential keep-alive requests per route, interleaved`);
  const rows = [["route", "median", "min", "max"]];
  for (const { label, samples } of routes) rows.push([label, ms(median(samples)), ms(Math.min(...samples)), ms(Math.max(...samples))]);
  console.log(table(rows));
  const [alone, proxied, kernel] = routes.map((route) => route.samples);
  const over = (a, b) => a.map((value, index) => value - b[index]);
  const line = (label, samples, goal) =>
    console.log(
      `  ${label}: median +${ms(median(samples))} (rounds ${ms(Math.min(...samples))} to ${ms(Math.max(...samples))}), ` +
        (goal === Infinity ? "" : `goal ≤ ${ms(goal)}: ${median(samples) <= goal ? "met" : "not met"}`),
    );
  line("the kernel over the bare route through the front door", over(kernel, proxied), 0.3);
  line("the front door over Next alone", over(proxied, alone), Infinity);
  const bare = median(proxied);
  console.log(`  the bare route through the front door: ${ms(bare)} a request, goal ≤ 1.00 ms: ${bare <= 1 ? "met" : "not met"}`);
}
