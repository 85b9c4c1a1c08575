import { toNextJsHandler } from "better-auth/next-js";
import { inErrorShape } from "@/lib/auth/error-shape";
import { auth } from "@/lib/auth/server";

const betterAuth = toNextJsHandler(auth);

/** Better Auth's endpoints, their errors in the API's error shape (with Better Auth's `message` kept for its client). */
export const GET = async (request: Request) => inErrorShape(request, await betterAuth.GET(request));
export const POST = async (request: Request) => inErrorShape(request, await betterAuth.POST(request));
