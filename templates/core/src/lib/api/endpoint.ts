import type { z } from "zod";
import { enforceRateLimit, rateLimitStatus } from "@/lib/ratelimit/limit";
import { authenticate, type Caller } from "./authenticate";
import { JSON_BODY_LIMIT, readJsonBody } from "./body";
import { ApiError, errorResponse } from "./errors";
import { frontDoor, type FrontDoorOptions } from "./front-door";
import { parseInput } from "./validation";

/** What Next.js passes a route handler besides the request. */
export interface RouteContext {
  params: Promise<Record<string, string>>;
}

export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

interface EndpointOptions<Query extends z.ZodType, Body extends z.ZodType> {
  query?: Query;
  body?: Body;
  /** Largest accepted body in bytes; 1 MiB unless a route needs otherwise. */
  bodyLimit?: number;
  /**
   * Whether the request counts against the caller's rate limit; it does unless the route says false, which only a
   * request that ends what a counted one started may (Stop ends the answer its POST /api/chat paid for). Such a
   * request carries the window's headers but adds nothing to it, and is never refused for it.
   */
  counted?: boolean;
}

interface HandlerInput<Query extends z.ZodType, Body extends z.ZodType> {
  request: Request;
  params: Record<string, string>;
  query: z.output<Query>;
  body: z.output<Body>;
}

type Result = Response | object;

/**
 * A protected route: authenticates the caller, counts the request against their plan's rate limit (its headers go on
 * every response, errors included; see `counted`), then parses and validates the query and JSON body, runs the
 * handler, and turns whatever it throws into the API's error shape. A plain object result is sent as JSON.
 */
export function endpoint<Query extends z.ZodType = z.ZodUndefined, Body extends z.ZodType = z.ZodUndefined>(
  options: EndpointOptions<Query, Body>,
  handler: (input: HandlerInput<Query, Body> & { caller: Caller }) => Promise<Result>,
): RouteHandler {
  const rateLimit = options.counted === false ? rateLimitStatus : enforceRateLimit;
  return async (request, context) => {
    let rateLimitHeaders: Record<string, string> = {};
    const response = await respond(async () => {
      const caller = await authenticate(request);
      rateLimitHeaders = await rateLimit(caller.userId, caller.plan);
      return handler({ ...(await readInput(options, request, context)), caller });
    });
    for (const [name, value] of Object.entries(rateLimitHeaders)) response.headers.set(name, value);
    return response;
  };
}

/** A route anyone may call: everything `endpoint` does except authentication and the rate limit. */
export function publicEndpoint<Query extends z.ZodType = z.ZodUndefined, Body extends z.ZodType = z.ZodUndefined>(
  schemas: Omit<EndpointOptions<Query, Body>, "counted">,
  handler: (input: HandlerInput<Query, Body>) => Promise<Result>,
): RouteHandler {
  return (request, context) => respond(async () => handler(await readInput(schemas, request, context)));
}

async function readInput<Query extends z.ZodType, Body extends z.ZodType>(
  schemas: EndpointOptions<Query, Body>,
  request: Request,
  context: RouteContext,
): Promise<HandlerInput<Query, Body>> {
  const query = schemas.query
    ? parseInput(schemas.query, Object.fromEntries(new URL(request.url).searchParams), "query")
    : undefined;
  const body = schemas.body
    ? parseInput(schemas.body, await readJsonBody(request, schemas.bodyLimit ?? JSON_BODY_LIMIT), "body")
    : undefined;
  // Without a schema the type parameter is ZodUndefined, so undefined is exactly its output.
  return { request, params: await context.params, query: query as z.output<Query>, body: body as z.output<Body> };
}

async function respond(work: () => Promise<Result>): Promise<Response> {
  try {
    const result = await work();
    return result instanceof Response ? result : Response.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * A route file's exports: the given handlers, a 405 with `Allow` for every other method, and an OPTIONS that lists
 * the allowed ones, all behind the API's front door (`door`: see `frontDoor`). Use as
 * `export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: ... })`.
 */
export function methods(
  handlers: Partial<Record<HttpMethod, RouteHandler>>,
  door?: FrontDoorOptions,
): Record<HttpMethod | "OPTIONS", RouteHandler> {
  const allowed = [...HTTP_METHODS.filter((method) => handlers[method]), "OPTIONS"];
  const allow = allowed.join(", ");
  const notAllowed: RouteHandler = async (request) =>
    errorResponse(
      new ApiError("METHOD_NOT_ALLOWED", `${request.method} is not supported here.`, { allowed }, { Allow: allow }),
    );
  const listAllowed: RouteHandler = async () => new Response(null, { status: 204, headers: { Allow: allow } });
  const routed = [
    ...HTTP_METHODS.map((method) => [method, handlers[method] ?? notAllowed] as const),
    ["OPTIONS", listAllowed] as const,
  ];
  return Object.fromEntries(routed.map(([method, handler]) => [method, frontDoor(handler, door)])) as Record<
    HttpMethod | "OPTIONS",
    RouteHandler
  >;
}
