import { methods, type RouteHandler } from "@/lib/api/endpoint";
import { ApiError, errorResponse, notFound } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { disk } from "@/lib/storage/disk";
import { attachmentDisposition, verifyDownload, verifyUpload } from "@/lib/storage/signed-url";
import { awaitsBytes } from "@/lib/uploads/store";

const ROUTE_PREFIX = "/api/storage/";

/**
 * The object key a request names: its path after /api/storage/, each segment URL-decoded (the adapter encodes them).
 * Read from the URL rather than Next.js's params, whose catch-all arrays the kernel's RouteContext does not describe.
 */
function keyOf(request: Request): string {
  const segments = new URL(request.url).pathname.slice(ROUTE_PREFIX.length).split("/");
  try {
    return segments.map(decodeURIComponent).join("/");
  } catch {
    throw new ApiError("INVALID_REQUEST", "The URL's path is not validly encoded.");
  }
}

/**
 * Stores the bytes of an upload URL: only with a valid signature for this key, and only exactly what was signed (the
 * Content-Type, and the size: a Content-Length that differs is refused before reading, a body that outgrows the size
 * as soon as it does). A key is written once, and only while its upload waits for it: a URL whose upload was
 * completed, failed or deleted is refused, though it has not expired.
 */
async function upload(request: Request): Promise<Response> {
  try {
    const key = keyOf(request);
    const object = verifyUpload(key, new URL(request.url).searchParams, env.STORAGE_SIGNING_SECRET);
    if (!(await awaitsBytes(key))) {
      throw new ApiError("FORBIDDEN", "This upload URL is no longer valid: its file was completed or deleted.");
    }
    const contentType = request.headers.get("content-type");
    if (contentType !== object.contentType) {
      throw new ApiError(
        "INVALID_REQUEST",
        `Send Content-Type: ${object.contentType}, the type this URL was signed for.`,
        {
          expected: object.contentType,
          received: contentType,
        },
      );
    }
    const length = request.headers.get("content-length");
    if (length !== null && Number(length) > object.size) {
      throw new ApiError("PAYLOAD_TOO_LARGE", `The body is larger than the ${object.size} bytes this URL is for.`, {
        size: object.size,
      });
    }
    if (length !== null && Number(length) !== object.size) {
      throw new ApiError(
        "INVALID_REQUEST",
        `Content-Length is ${length}; this URL is for exactly ${object.size} bytes.`,
        {
          size: object.size,
        },
      );
    }
    await disk.write(key, request.body, object);
    return Response.json({ key, size: object.size, contentType: object.contentType }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Sends the bytes of a download URL as an attachment under the signed file name. Uploads are served from the app's
 * own origin, so the browser is told never to sniff, render or cache them.
 */
async function download(request: Request): Promise<Response> {
  try {
    const key = keyOf(request);
    const grant = verifyDownload(key, new URL(request.url).searchParams, env.STORAGE_SIGNING_SECRET);
    const object = await disk.read(key);
    if (!object) throw notFound("file");
    return new Response(object.body, {
      headers: {
        "Content-Type": object.contentType,
        "Content-Length": String(object.size),
        "Content-Disposition": attachmentDisposition(grant.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * The signature is the authorization, so there is no session check (nor, then, a per-user rate limit), and a cookie
 * gives no access to refuse a cross-site request for; CORS and the rest of the front door as on every API route.
 */
const route = methods({ PUT: upload, GET: download }, { refuseForgeries: false });

/**
 * Each handler as Next.js calls it here. The key comes from the URL, never from Next.js's params (a catch-all's are
 * arrays, which the kernel's RouteHandler type does not describe).
 */
function served(handler: RouteHandler) {
  return (request: Request): Promise<Response> => handler(request, { params: Promise.resolve({}) });
}

export const GET = served(route.GET);
export const PUT = served(route.PUT);
export const POST = served(route.POST);
export const PATCH = served(route.PATCH);
export const DELETE = served(route.DELETE);
export const OPTIONS = served(route.OPTIONS);
