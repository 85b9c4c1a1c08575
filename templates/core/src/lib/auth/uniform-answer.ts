import { setTimeout as sleep } from "node:timers/promises";
import { requireEmailVerification } from "@/config/auth";

/**
 * The auth endpoints whose answer must not tell, by how long it took, whether an address has an account: a reset or
 * a verification mail asked for (a known address writes a token, an unknown one only reads), and sign-up where a
 * taken address is answered as a new one (only while addresses must be verified; otherwise its 422 tells anyway).
 */
const UNIFORM_PATHS = [
  "/request-password-reset",
  "/send-verification-email",
  ...(requireEmailVerification ? ["/sign-up/email"] : []),
];

/**
 * How long their answers take at least: well beyond either path's own time, on a busy server too (at 200 ms, a known
 * address's answer took a median 231 ms on a two-core machine running four apps' builds and tests, and told).
 */
export const UNIFORM_ANSWER_MS = 400;

/** Runs `answer`, and for the endpoints above holds its response until UNIFORM_ANSWER_MS have passed. */
export async function answerUniformly(request: Request, answer: () => Promise<Response>): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (request.method !== "POST" || !UNIFORM_PATHS.some((uniform) => path.endsWith(uniform))) return answer();
  const started = performance.now();
  try {
    return await answer();
  } finally {
    await sleep(Math.max(0, UNIFORM_ANSWER_MS - (performance.now() - started)));
  }
}
