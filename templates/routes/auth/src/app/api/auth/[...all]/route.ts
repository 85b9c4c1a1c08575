import { toNextJsHandler } from "better-auth/next-js";
import { errorResponse } from "@/lib/api/errors";
import { checkAuthRequest } from "@/lib/auth/auth-request";
import { inErrorShape } from "@/lib/auth/error-shape";
import { auth } from "@/lib/auth/server";
import { signInAccount, throttledSignIn } from "@/lib/ratelimit/sign-in-throttle";
import { answerUniformly } from "@/lib/auth/uniform-answer";
import { assertDatabaseReachable } from "@/lib/db/reachable";

const betterAuth = toNextJsHandler(auth);

/**
 * Better Auth's endpoints behind the API's limits: the body limit and field lengths, the client address it may
 * trust, failed password sign-ins limited per account, answers that could tell who has an account held to one
 * time; its errors in the API's error shape (with Better Auth's `message` kept for its client), a database outage as
 * 503.
 */
function guarded(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
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
  };
}

export const GET = guarded(betterAuth.GET);
export const POST = guarded(betterAuth.POST);
