import { toNextJsHandler } from "better-auth/next-js";
import { errorResponse } from "@/lib/api/errors";
import { frontDoor } from "@/lib/api/front-door";
import { checkAuthRequest } from "@/lib/auth/auth-request";
import { inErrorShape } from "@/lib/auth/error-shape";
import { auth } from "@/lib/auth/server";
import { signInAccount, throttledSignIn } from "@/lib/ratelimit/sign-in-throttle";
import { answerUniformly } from "@/lib/auth/uniform-answer";
import { assertDatabaseReachable } from "@/lib/db/reachable";

const betterAuth = toNextJsHandler(auth);

/** Better Auth checks the origin of its own state-changing requests (trustedOrigins in src/lib/auth/server.ts). */
const AUTH_DOOR = { refuseForgeries: false };

/**
 * Better Auth's endpoints behind the API's front door (CORS; Better Auth checks origins itself) and its limits: the
 * body limit and field lengths, the client address it may trust, failed password sign-ins limited per account,
 * answers that could tell who has an account held to one time; its errors in the API's error shape (with Better
 * Auth's `message` kept for its client), a database outage as 503.
 */
function guarded(handler: (request: Request) => Promise<Response>) {
  return frontDoor(async (request: Request): Promise<Response> => {
    try {
      const checked = await checkAuthRequest(request);
      const account = signInAccount(request, checked.fields);
      const response = account
        ? await throttledSignIn(account, () => handler(checked.request))
        : await answerUniformly(request, () => handler(checked.request));
      // Better Auth answers some database failures itself ("Failed to get session"): an outage is a 503.
      if (response.status >= 500) await assertDatabaseReachable();
      return await inErrorShape(request, response);
    } catch (error) {
      return errorResponse(error);
    }
  }, AUTH_DOOR);
}

export const GET = guarded(betterAuth.GET);
export const POST = guarded(betterAuth.POST);
/** CORS preflights for pages on the allowed origins (the front door answers them); any other OPTIONS lists methods. */
export const OPTIONS = frontDoor(
  async () => new Response(null, { status: 204, headers: { Allow: "GET, POST, OPTIONS" } }),
  AUTH_DOOR,
);
