/** An error answer of the API, as a page gets it: the message is meant for the user, the code for the page. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/**
 * Calls the app's own API from a page, with the session cookie: a JSON body in, the JSON answer out (undefined for
 * 204). An error answer throws an ApiRequestError carrying the API's message, so a page shows what the API said.
 */
export async function callApi<T = unknown>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const response = await apiResponse(path, init);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Like callApi, but returns the Response itself (its headers too), once it is known to be a success. */
export async function apiResponse(path: string, { json, headers, ...init }: RequestInit & { json?: unknown } = {}) {
  const response = await fetch(path, {
    ...init,
    headers: json === undefined ? headers : { "content-type": "application/json", ...headers },
    body: json === undefined ? init.body : JSON.stringify(json),
  });
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** The ApiRequestError an error answer stands for; an answer not in the API's shape gets a generic message. */
export async function errorOf(response: Response): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => null)) as {
    error?: string;
    message?: string;
    code?: string;
    details?: Record<string, unknown>;
  } | null;
  const message = body?.error ?? body?.message ?? `The server answered ${response.status}; try again.`;
  return new ApiRequestError(message, response.status, body?.code ?? "UNKNOWN", body?.details ?? {});
}

/** A message for anything a page's request threw: the API's own words, or a network failure said plainly. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return "Could not reach the server. Check your connection and try again.";
}
