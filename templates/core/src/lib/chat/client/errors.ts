import { ApiRequestError, messageOf } from "@/lib/client/api";

/**
 * What to tell the user about a failed answer: the API's message (a missing AI key names the variable to set), the
 * error the stream itself carried, or a plain word about the network.
 */
export function chatErrorMessage(error: Error): string {
  if (error instanceof ApiRequestError || error instanceof TypeError) return messageOf(error);
  return error.message || messageOf(error);
}
