import { ApiError } from "./errors";

/** The largest JSON body a route accepts unless it says otherwise. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Reads and parses a JSON body, refusing it as soon as it grows past `limit` bytes. */
export async function readJsonBody(request: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const text = await readRawBody(request, limit);
  if (text.trim() === "") throw new ApiError("INVALID_REQUEST", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_REQUEST", "The request body is not valid JSON.");
  }
}

/** Reads a body as text, refusing it as soon as it grows past `limit` bytes (for a signature over the raw bytes). */
export async function readRawBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(limit);
  return readText(request, limit);
}

async function readText(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(limit: number): ApiError {
  return new ApiError("PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes.`, { limit });
}
