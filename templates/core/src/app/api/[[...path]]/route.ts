import { ApiError, errorResponse } from "@/lib/api/errors";
import { frontDoor } from "@/lib/api/front-door";

/**
 * Every path under /api that no route serves: a 404 in the API's error shape, rather than Next.js's HTML page, behind
 * the API's front door like every route. Any real route, static or dynamic, is more specific than this optional
 * catch-all, so it shadows none.
 */
const noSuchRoute = frontDoor(async (request: Request): Promise<Response> => {
  const path = new URL(request.url).pathname;
  return errorResponse(new ApiError("NOT_FOUND", `There is no API route at ${path}.`));
});

export const GET = noSuchRoute;
export const POST = noSuchRoute;
export const PUT = noSuchRoute;
export const PATCH = noSuchRoute;
export const DELETE = noSuchRoute;
export const OPTIONS = noSuchRoute;
